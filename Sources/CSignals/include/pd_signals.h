#ifndef PD_SIGNALS_H
#define PD_SIGNALS_H

/* Signals caught with sigaction and turned into one byte on a pipe (the self-pipe trick): the handler only does
   async-signal-safe work, and whatever waits (poll on the pipe, a thread reading it) learns of the signal at once,
   whichever thread the kernel delivered it to. One set of caught signals per process at a time. */

/* Installs the handler for `count` signals (each below 256); every delivery writes the signal's number as one byte
   to `fd` (non-blocking is best: a full pipe already means "wake up") and records the first signal caught. The
   signals are also unblocked on the calling thread, so the process always has a thread that accepts them.
   Returns 0, or -1 with errno set (the actions already installed are then put back). */
int pd_signals_catch(const int *signals, int count, int fd);

/* Puts back the actions the signals had before pd_signals_catch, then stops writing to the pipe; on return no
   handler is still writing to it, so the caller may close it. */
void pd_signals_release(void);

/* The first signal caught since pd_signals_catch, or 0. */
int pd_signals_first(void);

/* Unblocks the signals on the calling thread (pthread_sigmask); 0 or an error number. */
int pd_signals_unblock(const int *signals, int count);

#endif
