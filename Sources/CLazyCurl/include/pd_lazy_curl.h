#ifndef PD_LAZY_CURL_H
#define PD_LAZY_CURL_H

/// Whether libcurl has been opened yet: it is, at the first https fetch (see pd_lazy_curl.c). 1 or 0.
int pd_lazy_curl_opened(void);

#endif
