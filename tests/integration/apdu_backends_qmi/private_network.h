// Moves the calling thread into a network namespace of its own, where the abstract socket
// "qmi-proxy" is free whatever runs on the machine (ModemManager's qmi-proxy, another test).
// As root (CI, the dev machines) a plain new network namespace; otherwise a user namespace with
// it, where the kernel allows those. Threads started afterwards inherit it. Call before starting
// any thread: a user namespace needs a single-threaded process.
#pragma once

#include <sched.h>

namespace lpad::test {

inline bool enter_private_network_namespace() {
  if (::unshare(CLONE_NEWNET) == 0) return true;
  return ::unshare(CLONE_NEWUSER | CLONE_NEWNET) == 0;
}

}  // namespace lpad::test
