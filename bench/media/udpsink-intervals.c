// udpsink-intervals — the "ears" of the SIPp UAC in bench/media-concurrent.ts (after
// ../shared/sip-bench/media/udpsink.c): binds COUNT UDP ports on 127.0.0.1 (BASE, BASE+STEP, ...),
// receives the RTP sent back to each call and measures, per port, on KERNEL arrival timestamps
// (SO_TIMESTAMPNS, so the sink's own scheduling does not count): packets, RTP sequence gaps
// (loss) and the deviation of every packet interval from 20 ms. On SIGTERM/SIGINT prints one line:
//   sink packets=N ports_with_traffic=N lost=N intervals=N dev_p50_us=N dev_p99_us=N dev_max_us=N
// Build: gcc -O2 -o udpsink-intervals udpsink-intervals.c
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <netinet/in.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#define HIST 200000 /* 1 us bins up to 200 ms */
static unsigned long long hist[HIST + 1];
static volatile sig_atomic_t stop;
static void on_sig(int s) { (void)s; stop = 1; }

struct port { int fd; long long last_ns; int have_seq; unsigned short seq; unsigned long long pkts, lost; };

int main(int argc, char **argv) {
  if (argc != 4) { fprintf(stderr, "usage: udpsink-intervals BASE STEP COUNT\n"); return 2; }
  int base = atoi(argv[1]), step = atoi(argv[2]), count = atoi(argv[3]);
  struct port *ports = calloc(count, sizeof *ports);
  int ep = epoll_create1(0), bound = 0, on = 1;
  for (int i = 0; i < count; i++) {
    ports[i].fd = -1;
    int p = base + i * step;
    if (p > 65535) break;
    int fd = socket(AF_INET, SOCK_DGRAM | SOCK_NONBLOCK, 0);
    int rcvbuf = 1 << 20;
    setsockopt(fd, SOL_SOCKET, SO_RCVBUF, &rcvbuf, sizeof rcvbuf);
    setsockopt(fd, SOL_SOCKET, SO_TIMESTAMPNS, &on, sizeof on);
    struct sockaddr_in a = { .sin_family = AF_INET, .sin_port = htons(p) };
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (bind(fd, (struct sockaddr *)&a, sizeof a) != 0) { close(fd); continue; }
    ports[i].fd = fd;
    struct epoll_event ev = { .events = EPOLLIN, .data.u32 = (unsigned)i };
    epoll_ctl(ep, EPOLL_CTL_ADD, fd, &ev);
    bound++;
  }
  struct sigaction sa = { .sa_handler = on_sig };
  sigaction(SIGTERM, &sa, NULL); sigaction(SIGINT, &sa, NULL);
  fprintf(stderr, "udpsink-intervals: %d ports bound from %d step %d\n", bound, base, step);
  unsigned long long pkts = 0, lost = 0, intervals = 0;
  char buf[2048], ctrl[256];
  struct epoll_event evs[256];
  while (!stop) {
    int n = epoll_wait(ep, evs, 256, 200);
    for (int k = 0; k < n; k++) {
      struct port *pt = &ports[evs[k].data.u32];
      for (;;) {
        struct iovec iov = { buf, sizeof buf };
        struct msghdr m = { .msg_iov = &iov, .msg_iovlen = 1, .msg_control = ctrl, .msg_controllen = sizeof ctrl };
        ssize_t r = recvmsg(pt->fd, &m, MSG_DONTWAIT);
        if (r < 0) break;
        long long ns = -1;
        for (struct cmsghdr *c = CMSG_FIRSTHDR(&m); c; c = CMSG_NXTHDR(&m, c))
          if (c->cmsg_level == SOL_SOCKET && c->cmsg_type == SCM_TIMESTAMPNS) {
            struct timespec ts; memcpy(&ts, CMSG_DATA(c), sizeof ts);
            ns = ts.tv_sec * 1000000000LL + ts.tv_nsec;
          }
        pkts++; pt->pkts++;
        if (r >= 12 && (buf[0] & 0xc0) == 0x80) {
          unsigned pt_type = (unsigned char)buf[1] & 0x7f;
          unsigned short seq = (unsigned short)(((unsigned char)buf[2] << 8) | (unsigned char)buf[3]);
          if (pt->have_seq) {
            unsigned short gap = (unsigned short)(seq - pt->seq);
            if (gap > 1 && gap < 3000) { pt->lost += gap - 1; lost += gap - 1; }
          }
          if (!pt->have_seq || (unsigned short)(seq - pt->seq) < 3000) { pt->seq = seq; pt->have_seq = 1; }
          // intervals only between consecutive audio packets (PT 0/8)
          if (ns >= 0 && pt_type != 101) {
            if (pt->last_ns > 0) {
              long long dev = (ns - pt->last_ns) - 20000000LL;
              if (dev < 0) dev = -dev;
              long long us = dev / 1000;
              if (us > HIST) us = HIST;
              hist[us]++; intervals++;
            }
            pt->last_ns = ns;
          }
        }
      }
    }
  }
  unsigned long long p50 = 0, p99 = 0, mx = 0, acc = 0; int with = 0, got50 = 0, got99 = 0;
  for (int i = 0; i < count; i++) if (ports[i].pkts) with++;
  for (long long us = 0; us <= HIST; us++) {
    if (!hist[us]) continue;
    acc += hist[us]; mx = us;
    if (!got50 && acc * 100 >= intervals * 50) { p50 = us; got50 = 1; }
    if (!got99 && acc * 100 >= intervals * 99) { p99 = us; got99 = 1; }
  }
  printf("sink packets=%llu ports_with_traffic=%d lost=%llu intervals=%llu dev_p50_us=%llu dev_p99_us=%llu dev_max_us=%llu\n", pkts, with, lost, intervals, p50, p99, mx);
  return 0;
}
