package io.heed.campaign;

import io.heed.directory.Employee;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import java.time.Instant;
import java.util.Optional;

/** A test send of a campaign's invitation: rendered like the real one, marked as a test, never counted. */
@Entity
class CampaignTestSend extends PanacheEntityBase {

    /** Who a test send without {@link #asEmployeeEmail} is written for. */
    static final String SAMPLE_NAME = "Alex Example";

    static final String SAMPLE_TIME_ZONE = "UTC";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public Long campaignId;
    public String toAddress;
    /** Whose directory data fills the message; null for a sample reader. */
    public String asEmployeeEmail;

    public String locale;
    public String createdBy;
    public Instant createdAt;

    /**
     * Whom the message is written for: the chosen employee's name, zone and region's deadline as the directory
     * has them now (or a sample reader's), in the send's language, addressed to {@link #toAddress}.
     */
    RecipientMail.Reader reader(Campaign campaign) {
        Optional<Employee> as = Optional.ofNullable(asEmployeeEmail).flatMap(Employee::findByEmail);
        return RecipientMail.Reader.notYetRecipient(
                campaign,
                as.map(e -> e.name).orElse(SAMPLE_NAME),
                toAddress,
                locale,
                as.map(e -> e.timeZone).orElse(SAMPLE_TIME_ZONE),
                as.map(e -> e.region).orElse(Campaign.WILDCARD_REGION));
    }
}
