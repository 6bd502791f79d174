package dev.earshot.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/**
 * CPU time spent inside timed windows, by whom: the service, its PostgreSQL server (the postmaster
 * and its backends), this load generator, and how busy the whole machine was. On a machine shared
 * with other work, latency and throughput move with the neighbours' load; CPU per operation moves
 * far less, so builds can be compared by it. Linux only ({@code /proc}); a process not given
 * ({@code --service-pid}, {@code --postgres-pid}) is left out.
 */
final class CpuMeter {

  private final Optional<ProcessHandle> service;
  private final Optional<ProcessHandle> postgres;
  private long serviceNanos;
  private long postgresNanos;
  private long generatorNanos;
  private long machineBusyTicks;
  private long machineAllTicks;

  CpuMeter(Optional<Long> servicePid, Optional<Long> postgresPid) {
    this.service = servicePid.flatMap(ProcessHandle::of);
    this.postgres = postgresPid.flatMap(ProcessHandle::of);
  }

  /** The counters now; {@link #add} the difference of two readings around a timed window. */
  Reading read() {
    long[] machine = machineTicks();
    return new Reading(
        service.map(CpuMeter::cpuNanos).orElse(0L),
        postgres
            .map(p -> cpuNanos(p) + p.children().mapToLong(CpuMeter::cpuNanos).sum())
            .orElse(0L),
        cpuNanos(ProcessHandle.current()),
        machine[0],
        machine[1]);
  }

  void add(Reading before, Reading after) {
    serviceNanos += after.service - before.service;
    postgresNanos += after.postgres - before.postgres;
    generatorNanos += after.generator - before.generator;
    machineBusyTicks += after.machineBusy - before.machineBusy;
    machineAllTicks += after.machineAll - before.machineAll;
  }

  /** One line: the CPU milliseconds per operation of each process, and the machine's busy share. */
  String perOperation(long operations, String operation) {
    return String.format(
        Locale.ROOT,
        "CPU per %s in the timed windows: service %s, PostgreSQL %s, this generator %.2f ms;"
            + " machine busy %.1f %%",
        operation,
        service.isPresent()
            ? String.format(Locale.ROOT, "%.2f ms", ms(serviceNanos, operations))
            : "not measured",
        postgres.isPresent()
            ? String.format(Locale.ROOT, "%.2f ms", ms(postgresNanos, operations))
            : "not measured",
        ms(generatorNanos, operations),
        machineAllTicks == 0 ? 0.0 : 100.0 * machineBusyTicks / machineAllTicks);
  }

  private static double ms(long nanos, long operations) {
    return operations == 0 ? 0 : nanos / 1e6 / operations;
  }

  private static long cpuNanos(ProcessHandle process) {
    return process.info().totalCpuDuration().map(Duration::toNanos).orElse(0L);
  }

  /** Busy (user, nice, system, irq, softirq) and all ticks of every CPU, steal included in all. */
  private static long[] machineTicks() {
    try {
      String[] cpu = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
      long all = 0;
      for (int i = 1; i < cpu.length; i++) {
        all += Long.parseLong(cpu[i]);
      }
      long busy =
          Long.parseLong(cpu[1])
              + Long.parseLong(cpu[2])
              + Long.parseLong(cpu[3])
              + Long.parseLong(cpu[6])
              + Long.parseLong(cpu[7]);
      return new long[] {busy, all};
    } catch (IOException | RuntimeException unreadable) {
      return new long[] {0, 0};
    }
  }

  record Reading(long service, long postgres, long generator, long machineBusy, long machineAll) {}
}
