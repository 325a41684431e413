package io.sitework.launcher;

/** What seeding the demo site did. */
public record DemoSeedResult(Outcome outcome, int assetsCreated, int workCreated, String detail) {

    public enum Outcome {
        /** assets and work were created now */
        CREATED,
        /** the demo site already had work: nothing was sent */
        ALREADY_PRESENT,
        /** the demo was turned off */
        DISABLED,
        /** a request was refused or failed; the platform runs anyway */
        FAILED
    }

    static DemoSeedResult disabled() {
        return new DemoSeedResult(Outcome.DISABLED, 0, 0, "demo data turned off");
    }
}
