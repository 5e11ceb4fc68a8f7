package io.jplay.template;

import com.hubspot.jinjava.Jinjava;
import com.hubspot.jinjava.JinjavaConfig;
import com.hubspot.jinjava.interpret.Context;
import com.hubspot.jinjava.interpret.InterpreterFactory;
import com.hubspot.jinjava.interpret.JinjavaInterpreter;
import io.jplay.template.python.PythonRepr;

/**
 * A Jinjava interpreter that prints values as Python's {@code str()} does ({@code True}, {@code None},
 * {@code ['a', 1]}) and refuses to print an {@link Undefined}. A top-level {@code None} prints as the
 * empty string, as Ansible's finalize hook does.
 */
final class AnsibleInterpreter extends JinjavaInterpreter {

    AnsibleInterpreter(Jinjava application, Context context, JinjavaConfig config) {
        super(application, context, config);
    }

    AnsibleInterpreter(JinjavaInterpreter orig) {
        super(orig);
    }

    /** Whether this render printed text marked unsafe (Ansible then marks the whole result unsafe). */
    private boolean printedUnsafe;

    @Override
    public String getAsString(Object object) {
        if (object == null) {
            return "";
        }
        if (object instanceof io.jplay.yaml.UnsafeText) {
            printedUnsafe = true;
        }
        return PythonRepr.str(object);
    }

    boolean printedUnsafe() {
        return printedUnsafe;
    }

    static final class Factory implements InterpreterFactory {
        @Override
        public JinjavaInterpreter newInstance(JinjavaInterpreter orig) {
            return new AnsibleInterpreter(orig);
        }

        @Override
        public JinjavaInterpreter newInstance(Jinjava application, Context context, JinjavaConfig config) {
            return new AnsibleInterpreter(application, context, config);
        }
    }
}
