#define _GNU_SOURCE
#include "pd_wait.h"

#include <errno.h>
#include <poll.h>
#include <time.h>

void pd_wait_now(int64_t *seconds, int64_t *nanoseconds) {
    struct timespec now;
    clock_gettime(CLOCK_MONOTONIC, &now);
    *seconds = now.tv_sec;
    *nanoseconds = now.tv_nsec;
}

int pd_wait_until(int64_t seconds, int64_t nanoseconds, int fd) {
    for (;;) {
        struct timespec now;
        clock_gettime(CLOCK_MONOTONIC, &now);
        int64_t left_s = seconds - (int64_t)now.tv_sec;
        int64_t left_ns = nanoseconds - (int64_t)now.tv_nsec;
        if (left_ns < 0) { left_ns += 1000000000; left_s -= 1; }
        if (left_s < 0) return 0;
        struct timespec left = { .tv_sec = (time_t)left_s, .tv_nsec = (long)left_ns };
        struct pollfd watched = { .fd = fd, .events = POLLIN, .revents = 0 };
        int ready = ppoll(&watched, fd >= 0 ? 1 : 0, &left, NULL);
        if (ready > 0) return 1;
        if (ready < 0 && errno != EINTR) return -1;
        /* 0: the timeout ran out, which the next round confirms against the clock; EINTR: go on waiting. */
    }
}
