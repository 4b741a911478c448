package org.kcassurance.forms;

import java.util.Arrays;
import java.util.Collection;
import java.util.Set;
import java.util.TreeSet;

/**
 * Where a user stands among the set-up pages of one sign-in ("step 2 of 3"). Keycloak runs a user's
 * pending required actions one after another but tells the page nothing about them, so the actions
 * seen pending so far in this authentication session are remembered (an auth note): the total is how
 * many were ever pending, the step how many of those are done, plus one. An action added on the way
 * (a later page's trigger) makes the total grow rather than the step go back. Pure, unit-tested.
 */
public record SetupProgress(int step, int of, String seen) {

    /** Progress when {@code current} is shown with {@code pending} outstanding (current included). */
    public static SetupProgress of(String seenBefore, Collection<String> pending, String current) {
        Set<String> seen = new TreeSet<>(pending);
        seen.add(current);
        if (seenBefore != null && !seenBefore.isEmpty()) seen.addAll(Arrays.asList(seenBefore.split(",")));
        Set<String> outstanding = new TreeSet<>(pending);
        outstanding.add(current);
        return new SetupProgress(seen.size() - outstanding.size() + 1, seen.size(), String.join(",", seen));
    }

    /** One set-up page alone is no sequence worth numbering. */
    public boolean worthShowing() {
        return of > 1;
    }
}
