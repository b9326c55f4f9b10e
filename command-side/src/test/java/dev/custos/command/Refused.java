package dev.custos.command;

import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;

/** Matches a command refused with one catalogued refusal, which is what a client sees as the problem's type. */
public final class Refused extends TypeSafeMatcher<CommandRefused> {

    private final Refusal refusal;

    private Refused(Refusal refusal) {
        this.refusal = refusal;
    }

    public static Matcher<CommandRefused> as(Refusal refusal) {
        return new Refused(refusal);
    }

    @Override
    protected boolean matchesSafely(CommandRefused refused) {
        return refused.refusal().filter(refusal::equals).isPresent();
    }

    @Override
    public void describeTo(Description description) {
        description.appendText("a command refused as " + refusal.key());
    }

    @Override
    protected void describeMismatchSafely(CommandRefused refused, Description mismatch) {
        mismatch.appendText("refused as " + refused.refusal().map(Refusal::key).orElse("a plain " + refused.reason()));
    }
}
