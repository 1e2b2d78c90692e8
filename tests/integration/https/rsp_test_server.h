// The test's own HTTPS server (rsp_test_server.py) as a child process, on a free loopback port,
// with the TLS certificate of a test PKI made once per build tree by tests/pki/make_test_pki.py.
#pragma once

#include <fcntl.h>
#include <signal.h>
#include <sys/file.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <stdexcept>
#include <string>

#include "core/unique_fd.h"

namespace lpad::test {

// The PKI folder; made on first use. A lock file keeps parallel ctest cases from making it twice.
inline std::filesystem::path https_test_pki() {
  const std::filesystem::path dir = std::filesystem::path(LPAD_BINARY_DIR) / "tests" / "integration" / "https" / "pki";
  std::filesystem::create_directories(dir.parent_path());
  UniqueFd lock(::open((dir.string() + ".lock").c_str(), O_CREAT | O_RDWR | O_CLOEXEC, 0600));
  if (!lock || ::flock(lock.get(), LOCK_EX) != 0) throw std::runtime_error("cannot lock the test PKI folder");
  if (!std::filesystem::exists(dir / "pki.json")) {
    const std::string command = "python3 " LPAD_SOURCE_DIR "/tests/pki/make_test_pki.py '" + dir.string() + "' >/dev/null";
    if (std::system(command.c_str()) != 0) throw std::runtime_error("make_test_pki.py failed");
  }
  return dir;
}

class RspTestServer {
 public:
  RspTestServer() {
    const auto pki = https_test_pki();
    int to_child[2], from_child[2];
    if (::pipe2(to_child, O_CLOEXEC) != 0 || ::pipe2(from_child, O_CLOEXEC) != 0) throw std::runtime_error("pipe failed");
    pid_ = ::fork();
    if (pid_ == 0) {
      ::dup2(to_child[0], 0);
      ::dup2(from_child[1], 1);
      const std::string cert = (pki / "CERT_S_SM_DP_TLS.pem").string(), key = (pki / "SK_S_SM_DP_TLS.pem").string();
      const std::string recorded = std::string(LPAD_SHARED_DIR) + "/vectors/download-sgp26";
      ::execlp("python3", "python3", LPAD_SOURCE_DIR "/tests/integration/https/rsp_test_server.py", cert.c_str(), key.c_str(),
               recorded.c_str(), static_cast<char*>(nullptr));
      ::_exit(127);
    }
    ::close(to_child[0]);
    ::close(from_child[1]);
    stdin_.reset(to_child[1]);
    UniqueFd out(from_child[0]);
    std::string line;
    char c = 0;
    while (::read(out.get(), &c, 1) == 1 && c != '\n') line += c;
    port_ = std::atoi(line.c_str());
    if (port_ <= 0) throw std::runtime_error("the test server did not start");
  }
  RspTestServer(const RspTestServer&) = delete;
  RspTestServer& operator=(const RspTestServer&) = delete;
  ~RspTestServer() {
    stdin_.reset();  // EOF on its stdin makes the server exit
    ::kill(pid_, SIGTERM);
    ::waitpid(pid_, nullptr, 0);
  }

  int port() const { return port_; }
  std::filesystem::path ci_pem() const { return https_test_pki() / "ci.pem"; }

 private:
  pid_t pid_ = -1;
  int port_ = 0;
  UniqueFd stdin_;
};

}  // namespace lpad::test
