#ifndef PD_WAIT_H
#define PD_WAIT_H

#include <stdint.h>

/* Blocks until CLOCK_MONOTONIC reaches `seconds`.`nanoseconds`, or until `fd` (when >= 0) is readable, whichever
   comes first: ppoll(2) with the time left, in nanoseconds (poll(2) counts in milliseconds, and ppoll is not visible
   to Swift without _GNU_SOURCE). Returns 1 when `fd` is readable, 0 at the deadline, -1 with errno set on an error
   other than EINTR (an interrupted wait goes on to the deadline). */
int pd_wait_until(int64_t seconds, int64_t nanoseconds, int fd);

/* CLOCK_MONOTONIC now, as seconds and nanoseconds. */
void pd_wait_now(int64_t *seconds, int64_t *nanoseconds);

#endif
