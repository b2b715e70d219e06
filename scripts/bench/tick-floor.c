/* The system calls of one `perfdash snapshot --no-processes` tick and nothing else, in C: the floor under the
   tick that no encoder or data structure can go below. Every 10 ms on an absolute CLOCK_MONOTONIC grid: pread(2)
   of the /proc files the tick reads (kept open, as perfdash keeps them), statfs(2) of each mount point given on the
   command line, and a 500-byte write(2) to /dev/null. Prints the process's CPU time (user + system) per tick.

     cc -O2 -o tick-floor scripts/bench/tick-floor.c && ./tick-floor 1000 / /dev /dev/shm */
#define _GNU_SOURCE
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/resource.h>
#include <sys/statfs.h>
#include <time.h>
#include <unistd.h>

static double cpu_us(void) {
    struct rusage usage;
    getrusage(RUSAGE_SELF, &usage);
    return (usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) * 1e6 + usage.ru_utime.tv_usec + usage.ru_stime.tv_usec;
}

int main(int argc, char **argv) {
    int ticks = argc > 1 ? atoi(argv[1]) : 1000;
    if (ticks < 1) ticks = 1;
    static const char *files[] = {"/proc/stat", "/proc/meminfo", "/proc/diskstats", "/proc/net/dev",
                                  "/proc/loadavg", "/proc/pressure/cpu", "/proc/pressure/memory",
                                  "/proc/pressure/io", "/proc/vmstat"};
    enum { FILES = sizeof files / sizeof *files };
    int fds[FILES];
    for (int i = 0; i < FILES; i++) fds[i] = open(files[i], O_RDONLY | O_CLOEXEC);
    int out = open("/dev/null", O_WRONLY | O_CLOEXEC);
    static char buffer[16384];
    struct statfs stats;
    struct timespec next;
    clock_gettime(CLOCK_MONOTONIC, &next);
    double start = cpu_us();
    for (int tick = 0; tick < ticks; tick++) {
        next.tv_nsec += 10000000;
        if (next.tv_nsec >= 1000000000) { next.tv_nsec -= 1000000000; next.tv_sec++; }
        clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME, &next, NULL);
        for (int i = 0; i < FILES; i++)
            if (fds[i] >= 0 && pread(fds[i], buffer, sizeof buffer, 0) < 0) return 1;
        for (int i = 2; i < argc; i++) statfs(argv[i], &stats);
        if (write(out, buffer, 500) < 0) return 1;
    }
    printf("%.0f\n", (cpu_us() - start) / ticks);
    return 0;
}
