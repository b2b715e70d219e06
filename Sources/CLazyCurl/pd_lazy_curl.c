// The libcurl functions FoundationNetworking calls (lib_CFURLSessionInterface, 23 of them), defined here so that a
// binary linked with the static Swift runtime needs no libcurl at start-up: scripts/build-static.sh drops the
// DT_NEEDED entry, and the library (with the ~30 it pulls in: TLS, Kerberos, LDAP, SSH, IDN…) is opened on the first
// call, i.e. the first https fetch. A run that never fetches over https neither maps nor relocates them, which is
// about half of perfdash's start-up and some 4 MiB of its RSS.
//
// In a dynamically linked build FoundationNetworking's own library already needs libcurl; these forwarders then
// find it loaded and cost one dlsym per function, once.
#include "pd_lazy_curl.h"

#include <dlfcn.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdio.h>
#include <unistd.h>

#define PD_CURL_FUNCTIONS(X) \
    X(curl_easy_init) X(curl_easy_cleanup) X(curl_easy_pause) X(curl_easy_strerror) X(curl_easy_setopt) \
    X(curl_easy_getinfo) X(curl_free) X(curl_global_init) X(curl_multi_add_handle) X(curl_multi_assign) \
    X(curl_multi_cleanup) X(curl_multi_info_read) X(curl_multi_init) X(curl_multi_remove_handle) \
    X(curl_multi_setopt) X(curl_multi_socket_action) X(curl_slist_append) X(curl_slist_free_all) X(curl_url) \
    X(curl_url_get) X(curl_url_set) X(curl_version) X(curl_version_info)

#define PD_INDEX(name) pd_index_##name,
enum { PD_CURL_FUNCTIONS(PD_INDEX) pd_function_count };
#define PD_NAME(name) #name,
static const char *const pd_names[pd_function_count] = { PD_CURL_FUNCTIONS(PD_NAME) };

static void *pd_functions[pd_function_count];
static pthread_once_t pd_once = PTHREAD_ONCE_INIT;
static int pd_opened;

/// One line on standard error, in one write; then exit, as a binary without libcurl would have failed to start.
static void pd_fail(const char *what, const char *detail) {
    char line[512];
    int length = snprintf(line, sizeof line, "perfdash: https needs libcurl (Debian: libcurl4): %s%s\n", what,
                          detail ? detail : "");
    if (length > 0) {
        size_t size = (size_t)length < sizeof line ? (size_t)length : sizeof line - 1;
        ssize_t written = write(STDERR_FILENO, line, size);
        (void)written;
    }
    _exit(1);
}

static void pd_open(void) {
    // RTLD_LOCAL: nothing else in the process should bind to libcurl's symbols through this handle.
    void *handle = dlopen("libcurl.so.4", RTLD_NOW | RTLD_LOCAL);
    if (handle == NULL) pd_fail("", dlerror());
    for (int index = 0; index < pd_function_count; index++) {
        pd_functions[index] = dlsym(handle, pd_names[index]);
        if (pd_functions[index] == NULL) pd_fail("libcurl.so.4 lacks ", pd_names[index]);
    }
    pd_opened = 1;
}

/// The real function; pthread_once orders the table's writes before every read.
static void *pd_function(int index) {
    pthread_once(&pd_once, pd_open);
    return pd_functions[index];
}

int pd_lazy_curl_opened(void) {
    return __atomic_load_n(&pd_opened, __ATOMIC_ACQUIRE);
}

#define PD_FORWARD(ret, name, params, args) \
    ret name params { return ((ret (*) params)pd_function(pd_index_##name)) args; }
#define PD_FORWARD_VOID(name, params, args) \
    void name params { ((void (*) params)pd_function(pd_index_##name)) args; }
// curl's three variadic calls take exactly one argument after the option, of integer class (long, a pointer, a
// function pointer, curl_off_t): it travels in a general-purpose register as a 64-bit word, and is passed on as one.
#define PD_FORWARD_VARIADIC(name) \
    int name(void *handle, int option, ...) { \
        va_list list; \
        va_start(list, option); \
        void *argument = va_arg(list, void *); \
        va_end(list); \
        return ((int (*)(void *, int, ...))pd_function(pd_index_##name))(handle, option, argument); \
    }

PD_FORWARD(void *, curl_easy_init, (void), ())
PD_FORWARD_VOID(curl_easy_cleanup, (void *handle), (handle))
PD_FORWARD(int, curl_easy_pause, (void *handle, int mask), (handle, mask))
PD_FORWARD(const char *, curl_easy_strerror, (int code), (code))
PD_FORWARD_VARIADIC(curl_easy_setopt)
PD_FORWARD_VARIADIC(curl_easy_getinfo)
PD_FORWARD_VOID(curl_free, (void *pointer), (pointer))
PD_FORWARD(int, curl_global_init, (long flags), (flags))
PD_FORWARD(int, curl_multi_add_handle, (void *multi, void *easy), (multi, easy))
PD_FORWARD(int, curl_multi_assign, (void *multi, int socket, void *pointer), (multi, socket, pointer))
PD_FORWARD(int, curl_multi_cleanup, (void *multi), (multi))
PD_FORWARD(void *, curl_multi_info_read, (void *multi, int *queued), (multi, queued))
PD_FORWARD(void *, curl_multi_init, (void), ())
PD_FORWARD(int, curl_multi_remove_handle, (void *multi, void *easy), (multi, easy))
PD_FORWARD_VARIADIC(curl_multi_setopt)
PD_FORWARD(int, curl_multi_socket_action, (void *multi, int socket, int mask, int *running),
           (multi, socket, mask, running))
PD_FORWARD(void *, curl_slist_append, (void *list, const char *text), (list, text))
PD_FORWARD_VOID(curl_slist_free_all, (void *list), (list))
PD_FORWARD(void *, curl_url, (void), ())
PD_FORWARD(int, curl_url_get, (const void *url, int part, char **value, unsigned int flags),
           (url, part, value, flags))
PD_FORWARD(int, curl_url_set, (void *url, int part, const char *value, unsigned int flags),
           (url, part, value, flags))
PD_FORWARD(char *, curl_version, (void), ())
PD_FORWARD(void *, curl_version_info, (int age), (age))
