package io.jplay.vars;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Where in the run variables are asked for: the play, role, block and task levels the executor has
 * entered, as an immutable stack of {@link VarsLayer}s. Entering a level is {@link #push}, which returns a
 * new context; leaving it is going back to the previous context object. The host-dependent levels
 * (inventory, facts, set_fact, extra vars) are not here: the {@link VariableManager} adds them.
 *
 * <p>{@link #NONE} is the context of {@code hostvars[h]}: Ansible computes it without a play, so role
 * defaults, play vars and the play's magic variables are not visible there.
 */
public final class VarsContext {

    public static final VarsContext NONE = new VarsContext(List.of(), false);

    private final List<VarsLayer> layers;
    private final boolean inPlay;

    private VarsContext(List<VarsLayer> layers, boolean inPlay) {
        this.layers = layers;
        this.inPlay = inPlay;
    }

    /** The start of a play: from here on {@code vars} (the dict of all variables) is defined. */
    public static VarsContext play() {
        return new VarsContext(List.of(), true);
    }

    public VarsContext push(Precedence level, String source, Map<String, Object> vars) {
        return push(new VarsLayer(level, source, vars));
    }

    public VarsContext push(VarsLayer layer) {
        List<VarsLayer> more = new ArrayList<>(layers);
        more.add(layer);
        return new VarsContext(Collections.unmodifiableList(more), inPlay);
    }

    /** The layers of one level, in push order. */
    public List<VarsLayer> layers(Precedence level) {
        return layers.stream().filter(layer -> layer.level() == level).toList();
    }

    /** All layers, ordered by level, then push order. */
    public List<VarsLayer> layers() {
        return layers.stream().sorted(Comparator.comparing(VarsLayer::level)).toList();
    }

    public boolean inPlay() {
        return inPlay;
    }
}
