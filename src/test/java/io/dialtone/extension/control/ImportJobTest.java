package io.dialtone.extension.control;

import static org.assertj.core.api.Assertions.assertThat;

import io.dialtone.kernel.entity.ExtensionType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The progress of a bulk import job: checking then importing, 100 % only at the end, secrets handed
 * out once; and the CSV reader telling how far it got.
 */
class ImportJobTest {

  private static ImportJob job() {
    return new ImportJob("id", 7L, 42L, Instant.parse("2026-11-28T10:00:00Z"));
  }

  @Test
  void checkingThenImportingReachHundredOnlyWhenDone() {
    ImportJob job = job();
    assertThat(job.running()).isTrue();
    assertThat(job.checkPercent()).isZero();
    job.checking(1000);
    job.checkedUpTo(250);
    assertThat(job.checkPercent()).isEqualTo(25);
    job.checkedUpTo(1000);
    assertThat(job.checkPercent()).as("not before the phase ends").isEqualTo(99);
    assertThat(job.importPercent()).isZero();
    job.importing(800);
    assertThat(job.checkPercent()).isEqualTo(100);
    assertThat(job.checked()).isEqualTo(1000);
    job.storedSoFar(400);
    assertThat(job.importPercent()).isEqualTo(50);
    job.storedSoFar(800);
    assertThat(job.importPercent()).as("stored, not committed").isEqualTo(99);
    job.done(List.of(new NewSipSecret(0L, "201", "c-000042.sip.example", "s3cr3t")));
    assertThat(job.running()).isFalse();
    assertThat(job.importPercent()).isEqualTo(100);
    assertThat(job.created()).isEqualTo(1);
  }

  @Test
  void theSecretsAreHandedOutOnce() {
    ImportJob job = job();
    assertThat(job.takeSecrets()).isEmpty();
    job.done(List.of(new NewSipSecret(0L, "201", "c-000042.sip.example", "s3cr3t")));
    assertThat(job.secretsWaiting()).isTrue();
    assertThat(job.takeSecrets()).hasValueSatisfying(s -> assertThat(s).hasSize(1));
    assertThat(job.takeSecrets()).isEmpty();
    assertThat(job.secretsWaiting()).isFalse();
  }

  @Test
  void aRefusedOrFailedJobImportsNothing() {
    ImportJob refused = job();
    refused.checking(3);
    refused.refused(List.of(new ImportError(3, "extensions_import.error.columns")));
    assertThat(refused.phase()).isEqualTo(ImportJob.Phase.REFUSED);
    assertThat(refused.checkPercent()).isEqualTo(100);
    assertThat(refused.importPercent()).isZero();
    assertThat(refused.errors()).hasSize(1);
    ImportJob failed = job();
    failed.importing(10);
    failed.failed();
    assertThat(failed.running()).isFalse();
    assertThat(failed.importPercent()).isZero();
    assertThat(failed.takeSecrets()).isEmpty();
  }

  @Test
  void theCsvReaderTellsTheLinesAndHowFarItGot() {
    String csv =
        IntStream.range(2000, 2600)
            .mapToObj(n -> n + ",Phone " + n + ",user")
            .collect(Collectors.joining("\n", "", "\n"));
    List<Integer> told = new ArrayList<>();
    int[] total = {-1};
    ExtensionCsv.Parsed parsed =
        ExtensionCsv.parse(
            csv,
            new ExtensionCsv.Progress() {
              @Override
              public void lines(int lines) {
                total[0] = lines;
              }

              @Override
              public void checked(int line) {
                told.add(line);
              }
            });
    assertThat(parsed.lines()).hasSize(600);
    assertThat(parsed.lines().getFirst().type()).isEqualTo(ExtensionType.USER);
    assertThat(total[0]).as("the last line break ends a line").isEqualTo(600);
    assertThat(told).containsExactly(250, 500, 600);
  }
}
