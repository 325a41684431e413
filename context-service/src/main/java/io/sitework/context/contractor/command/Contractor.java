package io.sitework.context.contractor.command;

import io.sitework.support.axon.Deadlines;
import io.sitework.context.contractor.api.ContractorCommands.GrantQualification;
import io.sitework.context.contractor.api.ContractorCommands.RegisterContractor;
import io.sitework.context.contractor.api.ContractorCommands.RevokeQualification;
import io.sitework.context.contractor.api.ContractorEvents.ContractorRegistered;
import io.sitework.context.contractor.api.ContractorEvents.QualificationGranted;
import io.sitework.context.contractor.api.ContractorEvents.QualificationLapsed;
import io.sitework.context.contractor.api.LapseReason;
import io.sitework.context.site.command.SiteRegistry;
import io.sitework.support.domain.DomainRuleViolation;
import io.sitework.support.domain.InvalidValueException;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A contractor company on a site and the qualifications it holds (HOT_WORK, ELECTRICAL…). A qualification with an
 * end lapses at that end by itself (a persistent deadline of its own, armed again when it is renewed); a person may
 * revoke one before.
 */
@Aggregate
public class Contractor {

    static final String LAPSE_DEADLINE = "qualification-lapse";
    public static final Pattern QUALIFICATION = Pattern.compile("[A-Z][A-Z0-9_]{1,39}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    @AggregateIdentifier
    private String contractorId;
    private String siteId;
    private String name;
    /** The qualifications held now, and until when (null: no end). */
    private Map<String, Held> held = new LinkedHashMap<>();

    record Held(Instant validUntil) {
    }

    /** The payload of a lapse deadline: which qualification, and the end it was armed for. */
    record LapseDue(String qualification, Instant validUntil) {
    }

    protected Contractor() {
        // for Axon
    }

    @CommandHandler
    public Contractor(RegisterContractor command, SiteRegistry sites) {
        if (command.name() == null || command.name().isBlank() || command.name().strip().length() > 200) {
            throw new InvalidValueException("name", "a name of at most 200 characters is required");
        }
        String email = command.contactEmail() == null || command.contactEmail().isBlank() ? null : command.contactEmail().strip();
        if (email != null && (email.length() > 254 || !EMAIL.matcher(email).matches())) {
            throw new InvalidValueException("contactEmail", "must be an e-mail address");
        }
        if (command.siteId() == null || !sites.exists(command.siteId())) {
            throw new DomainRuleViolation("contractor.site-unknown",
                    "Contractor cannot be registered: site " + command.siteId() + " does not exist");
        }
        apply(new ContractorRegistered(command.contractorId(), command.siteId(), command.name().strip(), email));
    }

    @CommandHandler
    public void handle(GrantQualification command, DeadlineManager deadlines) {
        requireCode(command.qualification());
        apply(new QualificationGranted(contractorId, siteId, command.qualification(), command.validUntil()));
        String deadline = lapseDeadline(command.qualification());
        Deadlines.cancelAllWithinScope(deadlines, deadline);
        if (command.validUntil() != null) {
            deadlines.schedule(command.validUntil(), deadline, new LapseDue(command.qualification(), command.validUntil()));
        }
    }

    @CommandHandler
    public void handle(RevokeQualification command, DeadlineManager deadlines) {
        requireCode(command.qualification());
        if (command.reason() == null || command.reason().isBlank() || command.reason().strip().length() > 1000) {
            throw new InvalidValueException("reason", "a reason of at most 1000 characters is required");
        }
        if (!held.containsKey(command.qualification())) {
            throw new DomainRuleViolation("contractor.qualification-not-held", "Contractor " + name + " (" + contractorId
                    + ") does not hold qualification " + command.qualification() + "; only a held qualification can be revoked");
        }
        apply(new QualificationLapsed(contractorId, siteId, command.qualification(), LapseReason.REVOKED, command.reason().strip()));
        Deadlines.cancelAllWithinScope(deadlines, lapseDeadline(command.qualification()));
    }

    /** Any lapse deadline (whatever its qualification): the payload says which, and the end it was armed for. */
    @DeadlineHandler
    void onLapseDue(LapseDue due) {
        Held current = held.get(due.qualification());
        if (current == null || current.validUntil() == null || !current.validUntil().equals(due.validUntil())) {
            return; // revoked, renewed or made open-ended since this deadline was armed
        }
        apply(new QualificationLapsed(contractorId, siteId, due.qualification(), LapseReason.EXPIRED, null));
    }

    /**
     * One deadline per qualification, so that renewing or revoking one disarms only its own, and the lapse keeps the
     * correlation id of the grant that armed it. The actor of a lapse is {@code system:qualification-lapse}.
     */
    static String lapseDeadline(String qualification) {
        return LAPSE_DEADLINE + "/" + qualification;
    }

    private static void requireCode(String qualification) {
        if (qualification == null || !QUALIFICATION.matcher(qualification).matches()) {
            throw new InvalidValueException("qualification", "must be an upper-case code of 2–40 letters, digits or _ (e.g. HOT_WORK)");
        }
    }

    @EventSourcingHandler
    void on(ContractorRegistered event) {
        contractorId = event.contractorId();
        siteId = event.siteId();
        name = event.name();
    }

    @EventSourcingHandler
    void on(QualificationGranted event) {
        held.put(event.qualification(), new Held(event.validUntil()));
    }

    @EventSourcingHandler
    void on(QualificationLapsed event) {
        held.remove(event.qualification());
    }
}
