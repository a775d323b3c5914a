package io.heed.directory;

import io.heed.platform.EmailAddresses;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import java.time.Instant;
import java.util.Optional;

/**
 * A person in the employee directory. Never deleted: campaigns and compliance records refer to employees
 * long after they leave, so leaving makes an employee inactive.
 */
@Entity
public class Employee extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    /** As given (trimmed); {@link #emailKey} is what identifies the employee. */
    public String email;

    public String emailKey;
    public String name;
    public String region;
    public String department;
    /** ISO 3166-1 alpha-2, upper case. */
    public String country;

    public String managerEmail;
    /** BCP 47 language tag, e.g. {@code en}, {@code de-CH}. */
    public String locale;
    /** IANA time-zone id, e.g. {@code Europe/Berlin}. */
    public String timeZone;

    public boolean active;
    public Instant createdAt;
    public Instant updatedAt;
    public Instant deactivatedAt;

    public static Optional<Employee> findByEmail(String email) {
        return find("emailKey", EmailAddresses.key(email)).firstResultOptional();
    }
}
