package org.kcassurance.amr;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.keycloak.util.JsonSerialization;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The amr claim of a session that may have started at an upstream identity provider: Keycloak's local
 * references, then the upstream's (as trusted and recorded by kca-upstream-assurance), then "mfa" when the
 * values cover two or more kinds of factor (RFC 8176 §2; kinds as in NIST SP 800-63B). Pure, unit-tested.
 */
public final class AmrMerge {

    public static final String MFA = "mfa";

    public enum Kind { KNOWLEDGE, POSSESSION, INHERENCE }

    /**
     * RFC 8176 values that name one kind of factor. Not listed (count for no kind): mfa, mca (they describe a
     * combination), user (presence test), wia, geo (location is context, not a factor), and anything unknown.
     * "rc" is this project's recovery code: a look-up secret, which NIST SP 800-63B §5.1.2 classes as
     * something you have, so possession.
     */
    public static final Map<String, Kind> KINDS = Map.ofEntries(
            Map.entry("pwd", Kind.KNOWLEDGE),
            Map.entry("pin", Kind.KNOWLEDGE),
            Map.entry("kba", Kind.KNOWLEDGE),
            Map.entry("otp", Kind.POSSESSION),
            Map.entry("sms", Kind.POSSESSION),
            Map.entry("tel", Kind.POSSESSION),
            Map.entry("swk", Kind.POSSESSION),
            Map.entry("hwk", Kind.POSSESSION),
            Map.entry("sc", Kind.POSSESSION),
            Map.entry("rc", Kind.POSSESSION),
            Map.entry("face", Kind.INHERENCE),
            Map.entry("fpt", Kind.INHERENCE),
            Map.entry("iris", Kind.INHERENCE),
            Map.entry("retina", Kind.INHERENCE),
            Map.entry("vbm", Kind.INHERENCE));

    private AmrMerge() {
    }

    public static Set<Kind> kinds(Collection<String> values) {
        Set<Kind> kinds = EnumSet.noneOf(Kind.class);
        for (String value : values) {
            Kind kind = KINDS.get(value);
            if (kind != null) {
                kinds.add(kind);
            }
        }
        return kinds;
    }

    /** local ∪ upstream ∪ {mfa when two or more kinds}; order: local, upstream, mfa; no duplicates, no blanks. */
    public static List<String> merge(List<String> local, List<String> upstream) {
        Set<String> values = new LinkedHashSet<>();
        addAll(values, local);
        addAll(values, upstream);
        if (!values.contains(MFA) && kinds(values).size() >= 2) {
            values.add(MFA);
        }
        return new ArrayList<>(values);
    }

    private static void addAll(Set<String> into, List<String> values) {
        if (values == null) {
            return;
        }
        for (String value : values) {
            if (value != null && !value.isBlank()) {
                into.add(value.trim());
            }
        }
    }

    /** The user-session note kca.upstream.amr (JSON array of strings); anything else, or blank, is no values. */
    public static List<String> parseNote(String note) {
        List<String> values = new ArrayList<>();
        if (note == null || note.isBlank()) {
            return values;
        }
        try {
            JsonNode root = JsonSerialization.mapper.readTree(note);
            if (root != null && root.isArray()) {
                for (JsonNode value : root) {
                    if (value.isTextual() && !value.textValue().isBlank()) {
                        values.add(value.textValue().trim());
                    }
                }
            }
        } catch (Exception e) {
            values.clear();
        }
        return values;
    }
}
