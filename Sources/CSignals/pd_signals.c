#include "pd_signals.h"

#include <errno.h>
#include <pthread.h>
#include <sched.h>
#include <signal.h>
#include <stdatomic.h>
#include <string.h>
#include <unistd.h>

enum { PD_MAX_SIGNALS = 16 };

/* Process-wide by nature: a signal disposition belongs to the process. Only the handler and the two calls below
   touch these; the handler reads them through lock-free atomics, which is async-signal-safe. */
static atomic_int pd_fd = -1;
static atomic_int pd_first = 0;
/* Handlers running right now: release waits for them, so the pipe is never written after it returns. */
static atomic_int pd_in_flight = 0;
static int pd_caught[PD_MAX_SIGNALS];
static struct sigaction pd_previous[PD_MAX_SIGNALS];
static int pd_caught_count = 0;

static void pd_handler(int sig) {
    int saved = errno;
    atomic_fetch_add(&pd_in_flight, 1);
    int expected = 0;
    atomic_compare_exchange_strong(&pd_first, &expected, sig);
    int fd = atomic_load(&pd_fd);
    if (fd >= 0) {
        unsigned char byte = (unsigned char)sig;
        ssize_t ignored = write(fd, &byte, 1);
        (void)ignored;
    }
    atomic_fetch_sub(&pd_in_flight, 1);
    errno = saved;
}

int pd_signals_unblock(const int *signals, int count) {
    sigset_t set;
    sigemptyset(&set);
    for (int i = 0; i < count; i++) sigaddset(&set, signals[i]);
    return pthread_sigmask(SIG_UNBLOCK, &set, NULL);
}

int pd_signals_catch(const int *signals, int count, int fd) {
    if (count < 0 || count > PD_MAX_SIGNALS || pd_caught_count != 0) { errno = EINVAL; return -1; }
    for (int i = 0; i < count; i++) {
        if (signals[i] <= 0 || signals[i] > 255) { errno = EINVAL; return -1; }
    }
    atomic_store(&pd_first, 0);
    atomic_store(&pd_fd, fd);
    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_handler = pd_handler;
    /* SA_RESTART: the rest of the program's reads and writes are not cut short by EINTR. */
    action.sa_flags = SA_RESTART;
    sigemptyset(&action.sa_mask);
    for (int i = 0; i < count; i++) {
        if (sigaction(signals[i], &action, &pd_previous[i]) != 0) {
            int saved = errno;
            pd_caught_count = i;
            pd_signals_release();
            errno = saved;
            return -1;
        }
        pd_caught[i] = signals[i];
    }
    pd_caught_count = count;
    int rc = pd_signals_unblock(signals, count);
    if (rc != 0) {
        pd_signals_release();
        errno = rc;
        return -1;
    }
    return 0;
}

void pd_signals_release(void) {
    for (int i = 0; i < pd_caught_count; i++) sigaction(pd_caught[i], &pd_previous[i], NULL);
    pd_caught_count = 0;
    /* A handler that entered before the store may still be about to write: wait for it. One that enters after
       reads -1 (sequentially consistent atomics). */
    atomic_store(&pd_fd, -1);
    while (atomic_load(&pd_in_flight) != 0) sched_yield();
}

int pd_signals_first(void) { return atomic_load(&pd_first); }
