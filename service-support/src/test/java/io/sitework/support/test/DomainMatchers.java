package io.sitework.support.test;

import io.sitework.support.domain.DomainRuleViolation;
import io.sitework.support.domain.InvalidValueException;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;

/** Matchers of the domain's refusals, for Axon fixture tests ({@code expectException(code("work.blocked"))}). */
public final class DomainMatchers {

    private DomainMatchers() {
    }

    /** A {@link DomainRuleViolation} with this code. */
    public static Matcher<Throwable> code(String code) {
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(Throwable item) {
                return item instanceof DomainRuleViolation v && code.equals(v.code());
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("a DomainRuleViolation with code ").appendValue(code);
            }
        };
    }

    /** An {@link InvalidValueException} about this field. */
    public static Matcher<Throwable> field(String field) {
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(Throwable item) {
                return item instanceof InvalidValueException e && field.equals(e.field());
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("an InvalidValueException about field ").appendValue(field);
            }
        };
    }
}
