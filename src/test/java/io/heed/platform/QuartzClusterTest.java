package io.heed.platform;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.heed.support.Database;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.quartz.Scheduler;

/** Quartz runs clustered on PostgreSQL, ready for the packages that schedule cluster-once jobs. */
@QuarkusTest
class QuartzClusterTest {

    @Inject
    Scheduler scheduler;

    @Inject
    DataSource dataSource;

    /** A job that never fires during the tests; it only shows that jobs land in the shared JDBC store. */
    @ApplicationScoped
    static class Probe {
        @Scheduled(identity = "heed-test-quartz-probe", every = "24h", delayed = "24h")
        void never() {}
    }

    @Test
    void quartzStartsClusteredOnTheDatabase() throws Exception {
        assertTrue(scheduler.isStarted());
        assertTrue(scheduler.getMetaData().isJobStoreClustered());
        assertTrue(scheduler.getMetaData().isJobStoreSupportsPersistence());
        await().atMost(Duration.ofSeconds(20))
                .until(() -> Database.count(dataSource, "select count(*) from qrtz_scheduler_state") >= 1);
        assertEquals(
                1,
                Database.count(
                        dataSource, "select count(*) from qrtz_job_details where job_name = 'heed-test-quartz-probe'"));
    }

    /** Cluster-once work runs on Quartz; what tends one replica's memory runs on every replica, outside it. */
    @Test
    void onlyClusterOnceJobsLiveInQuartz() {
        for (String job :
                new String[] {"campaign-follow-ups", "compliance-counter-compaction", "compliance-report-mail"}) {
            assertEquals(
                    1,
                    Database.count(dataSource, "select count(*) from qrtz_job_details where job_name = '" + job + "'"),
                    job);
        }
        assertEquals(
                0,
                Database.count(
                        dataSource,
                        "select count(*) from qrtz_job_details where job_name like '%VisitLog%'"
                                + " or job_name like '%FailureLimiter%' or job_class_name like '%VisitLog%'"),
                "per-replica jobs stay out of the cluster's job store");
    }
}
