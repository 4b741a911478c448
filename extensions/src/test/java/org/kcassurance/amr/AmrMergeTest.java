package org.kcassurance.amr;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

class AmrMergeTest {

    @Test
    void upstreamPasswordPlusLocalOtpIsMfa() {
        assertEquals(List.of("otp", "pwd", "mfa"), AmrMerge.merge(List.of("otp"), List.of("pwd")));
    }

    @Test
    void localFirstThenUpstreamWithoutDuplicates() {
        assertEquals(List.of("pwd", "otp", "hwk", "mfa"), AmrMerge.merge(List.of("pwd", "otp", "pwd"), List.of("otp", "hwk", "pwd")));
    }

    @Test
    void oneKindIsNotMfa() {
        assertEquals(List.of("otp", "hwk", "sms"), AmrMerge.merge(List.of("otp", "hwk"), List.of("sms")));
        assertEquals(List.of("pwd", "pin"), AmrMerge.merge(List.of("pwd"), List.of("pin")));
        assertEquals(List.of("pwd"), AmrMerge.merge(List.of("pwd"), List.of()));
    }

    @Test
    void mfaAlreadyPresentStaysOnce() {
        assertEquals(List.of("pwd", "mfa", "otp"), AmrMerge.merge(List.of("pwd"), List.of("mfa", "otp")));
        assertEquals(List.of("hwk", "mfa"), AmrMerge.merge(List.of("hwk"), List.of("mfa")));
    }

    @Test
    void recoveryCodeIsPossession() {
        assertEquals(List.of("pwd", "rc", "mfa"), AmrMerge.merge(List.of("pwd", "rc"), null));
        assertEquals(List.of("otp", "rc"), AmrMerge.merge(List.of("otp", "rc"), null));
    }

    @Test
    void inherenceCounts() {
        assertEquals(List.of("hwk", "fpt", "mfa"), AmrMerge.merge(List.of("hwk"), List.of("fpt")));
    }

    @Test
    void unknownAndContextValuesCountForNoKind() {
        assertEquals(List.of("pwd", "geo", "user", "wia", "custom"), AmrMerge.merge(List.of("pwd", "geo"), List.of("user", "wia", "custom")));
        assertEquals(List.of("mca", "pwd"), AmrMerge.merge(List.of("mca"), List.of("pwd")));
    }

    @Test
    void blanksAndNullsAreDropped() {
        assertEquals(List.of("pwd"), AmrMerge.merge(Arrays.asList("pwd", null, " "), Arrays.asList((String) null)));
        assertEquals(List.of(), AmrMerge.merge(null, null));
    }

    @Test
    void parseNote() {
        assertEquals(List.of("pwd", "otp"), AmrMerge.parseNote("[\"pwd\",\"otp\"]"));
        assertEquals(List.of("otp"), AmrMerge.parseNote("[\"otp\", 3, null, \"\"]"));
        assertEquals(List.of(), AmrMerge.parseNote("\"otp\""));
        assertEquals(List.of(), AmrMerge.parseNote("[\"otp\""));
        assertEquals(List.of(), AmrMerge.parseNote(""));
        assertEquals(List.of(), AmrMerge.parseNote(null));
    }
}
