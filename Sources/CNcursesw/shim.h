#ifndef PERFDASH_CNCURSESW_SHIM_H
#define PERFDASH_CNCURSESW_SHIM_H
/* SwiftPM drops pkg-config's -D flags, so the wide-character API must be asked for here. */
#define NCURSES_WIDECHAR 1
#ifndef _XOPEN_SOURCE_EXTENDED
#define _XOPEN_SOURCE_EXTENDED 1
#endif
#include <locale.h>
#include <signal.h>
#include <string.h>
#include <poll.h>
#include <sys/ioctl.h>
#include <unistd.h>
#include <wchar.h>
#include <ncursesw/curses.h>

/* Swift 6 rejects C globals and macros with arguments: read them through these accessors. */
static inline WINDOW *pd_stdscr(void) { return stdscr; }
static inline int pd_lines(void) { return LINES; }
static inline int pd_cols(void) { return COLS; }
static inline int pd_colors(void) { return COLORS; }
static inline int pd_color_pairs(void) { return COLOR_PAIRS; }
static inline int pd_key_f(int n) { return KEY_F(n); }
static inline int pd_key_resize(void) { return KEY_RESIZE; }
static inline int pd_key_mouse(void) { return KEY_MOUSE; }
static inline int pd_key_btab(void) { return KEY_BTAB; }
static inline attr_t pd_a_normal(void) { return A_NORMAL; }
static inline attr_t pd_a_bold(void) { return A_BOLD; }
static inline attr_t pd_a_reverse(void) { return A_REVERSE; }
static inline attr_t pd_a_underline(void) { return A_UNDERLINE; }
static inline attr_t pd_a_dim(void) { return A_DIM; }
static inline mmask_t pd_button1_clicked(void) { return BUTTON1_CLICKED; }
static inline mmask_t pd_button1_pressed(void) { return BUTTON1_PRESSED; }
static inline mmask_t pd_button1_released(void) { return BUTTON1_RELEASED; }
static inline mmask_t pd_all_mouse_events(void) { return ALL_MOUSE_EVENTS; }
/* Sets attributes and an extended colour pair (beyond 32767) through the opts pointer, as X/Open allows. */
static inline int pd_attr_set(WINDOW *win, attr_t attrs, int pair) {
    return wattr_set(win, attrs, (short)(pair < 32767 ? pair : 0), &pair);
}
/* Makes blanks in `attrs` and colour pair `pair` the window's background: erase() fills with it and a terminal with
   back-colour-erase clears to it in one sequence instead of one space per cell. */
static inline void pd_set_background(WINDOW *win, attr_t attrs, int pair) {
    cchar_t blank;
    wchar_t space[2] = { L' ', 0 };
    setcchar(&blank, space, attrs, (short)(pair < 32767 ? pair : 0), &pair);
    wbkgrndset(win, &blank);
}
/* The key pressed, or a KEY_ code; returns ERR on timeout. Folded into one int so Swift needs no wint_t. */
static inline int pd_get_wch(WINDOW *win, int *is_key_code) {
    wint_t ch = 0;
    int rc = wget_wch(win, &ch);
    if (rc == ERR) return -1;
    *is_key_code = (rc == KEY_CODE_YES);
    return (int)ch;
}
/* The size the terminal has now (TIOCGWINSZ on standard output); 0 on success. */
static inline int pd_terminal_size(int *rows, int *cols) {
    struct winsize ws;
    if (ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) != 0) return -1;
    *rows = ws.ws_row;
    *cols = ws.ws_col;
    return 0;
}
/* Waits until standard input or `wake_fd` is readable, or `timeout_ms` passes; bit 0 = input, bit 1 = wake. */
static inline int pd_wait_input(int wake_fd, int timeout_ms) {
    struct pollfd fds[2] = { { STDIN_FILENO, POLLIN, 0 }, { wake_fd, POLLIN, 0 } };
    int rc = poll(fds, 2, timeout_ms);
    if (rc <= 0) return 0;
    return ((fds[0].revents & (POLLIN | POLLHUP | POLLERR)) ? 1 : 0) | ((fds[1].revents & POLLIN) ? 2 : 0);
}
/* SIGWINCH stays ncurses' (it turns it into KEY_RESIZE); this handler runs first only to write a byte to the UI
   loop's wake pipe, since the signal may land on a thread other than the one sleeping in poll. */
/* Function-local statics: Swift's importer does not emit file-scope variables of a header. */
static inline int *pd_winch_fd(void) { static int fd = -1; return &fd; }
static inline struct sigaction *pd_winch_previous(void) { static struct sigaction previous; return &previous; }
static void pd_winch_handler(int sig, siginfo_t *info, void *context) {
    int fd = *pd_winch_fd();
    if (fd >= 0) { char byte = 1; ssize_t ignored = write(fd, &byte, 1); (void)ignored; }
    struct sigaction *previous = pd_winch_previous();
    if (previous->sa_flags & SA_SIGINFO) {
        if (previous->sa_sigaction) previous->sa_sigaction(sig, info, context);
    } else if (previous->sa_handler != SIG_DFL && previous->sa_handler != SIG_IGN) {
        previous->sa_handler(sig);
    }
}
/* Installs the chained handler after initscr (which installed ncurses' own); 0 on success. */
static inline int pd_chain_sigwinch(int wake_fd) {
    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_sigaction = pd_winch_handler;
    action.sa_flags = SA_SIGINFO | SA_RESTART;
    sigemptyset(&action.sa_mask);
    *pd_winch_fd() = wake_fd;
    return sigaction(SIGWINCH, &action, pd_winch_previous());
}
#endif
