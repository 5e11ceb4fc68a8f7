package io.jplay.template;

import com.hubspot.jinjava.interpret.JinjavaInterpreter;
import com.hubspot.jinjava.loader.ResourceLocator;
import com.hubspot.jinjava.loader.ResourceNotFoundException;
import io.jplay.template.lookup.LookupContext;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds the files of {@code {% include %}}, {@code {% import %}} and {@code {% extends %}} as the template
 * module's loader does: beside the template being rendered, then in the {@code templates} search paths
 * the executor gives. Their text gets the same source rewriting as any template file.
 */
final class TemplateFileLocator implements ResourceLocator {

    @Override
    public String getString(String fullName, Charset encoding, JinjavaInterpreter interpreter) throws IOException {
        Object context = interpreter.getContext().get(LookupContext.KEY);
        List<Path> candidates = new ArrayList<>();
        Path name = Path.of(fullName);
        if (name.isAbsolute()) {
            candidates.add(name);
        } else if (context instanceof ScopeRenderer renderer) {
            Path dir = renderer.currentTemplateDirectory();
            if (dir != null) {
                candidates.add(dir.resolve(name));
            }
            for (Path searchPath : renderer.searchPaths("templates")) {
                candidates.add(searchPath.resolve(name));
            }
        }
        for (Path candidate : candidates) {
            if (Files.isRegularFile(candidate)) {
                String text = Files.readString(candidate, encoding);
                if (text.endsWith("\n")) {
                    text = text.substring(0, text.length() - 1); // Jinja2's keep_trailing_newline=False
                }
                return TemplateSource.forJinjava(text, false);
            }
        }
        throw new ResourceNotFoundException("the template file " + fullName + " could not be found for the lookup");
    }
}
