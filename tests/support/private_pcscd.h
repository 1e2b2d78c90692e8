// A pcscd of the test's own: a reader.conf with one vpcd entry on a free port pair, and a private
// socket handed over the systemd way (LISTEN_FDS=1, LISTEN_PID, fd 3), since pcscd 1.9 has no
// option for its socket path. Clients find it through PCSCLITE_CSOCK_NAME, which libpcsclite
// reads once per process, so one PrivatePcscd directory serves a whole test program.
#pragma once

#include <fcntl.h>
#include <netinet/in.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <random>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

#include "core/unique_fd.h"

extern char** environ;

namespace lpad::test {

inline constexpr const char* kVpcdDriver = "/usr/lib/pcsc/drivers/serial/libifdvpcd.so";
inline constexpr const char* kReaderFriendlyName = "lpad veuicc";

class PrivatePcscd {
 public:
  PrivatePcscd() = default;
  PrivatePcscd(const PrivatePcscd&) = delete;
  PrivatePcscd& operator=(const PrivatePcscd&) = delete;
  ~PrivatePcscd() {
    stop();
    std::error_code ignored;
    std::filesystem::remove_all(dir_, ignored);
  }

  // Empty on success, else why pcscd cannot run here.
  std::string start() {
    char pattern[] = "/tmp/lpad-veuicc-pcscd-XXXXXX";
    if (!::mkdtemp(pattern)) return "mkdtemp failed";
    dir_ = pattern;
    if (::access("/usr/sbin/pcscd", X_OK) != 0) return "/usr/sbin/pcscd not installed";
    if (::access(kVpcdDriver, R_OK) != 0) return std::string(kVpcdDriver) + " not installed";
    port_ = free_port_pair();
    if (port_ == 0) return "no free TCP port pair for vpcd";
    {
      std::ofstream conf(dir_ / "reader.conf");
      conf << "FRIENDLYNAME \"" << kReaderFriendlyName << "\"\n"
           << "DEVICENAME /dev/null:" << port_ << "\n"
           << "LIBPATH " << kVpcdDriver << "\n"
           << "CHANNELID " << port_ << "\n";
    }
    socket_path_ = dir_ / "pcscd.comm";
    listener_.reset(::socket(AF_UNIX, SOCK_STREAM, 0));
    sockaddr_un addr{};
    addr.sun_family = AF_UNIX;
    std::snprintf(addr.sun_path, sizeof addr.sun_path, "%s", socket_path_.c_str());
    if (::bind(listener_.get(), reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0 ||
        ::listen(listener_.get(), 16) != 0)
      return "cannot listen on " + socket_path_.string();
    ::chmod(socket_path_.c_str(), 0777);
    return launch();
  }

  // Starts pcscd (again) on the same socket and port.
  std::string launch() {
    std::vector<std::string> env_strings;
    for (char** e = environ; *e; ++e) {
      std::string_view entry(*e);
      if (!entry.starts_with("LISTEN_")) env_strings.emplace_back(entry);
    }
    env_strings.emplace_back("LISTEN_FDS=1");
    std::string conf = (dir_ / "reader.conf").string();
    std::string log = (dir_ / "pcscd.log").string();
    int listener = listener_.get();

    pid_ = ::fork();
    if (pid_ < 0) return "fork failed";
    if (pid_ == 0) {
      char pid_var[32];
      std::snprintf(pid_var, sizeof pid_var, "LISTEN_PID=%d", static_cast<int>(::getpid()));
      std::vector<char*> envp;
      for (auto& s : env_strings) envp.push_back(s.data());
      envp.push_back(pid_var);
      envp.push_back(nullptr);
      if (listener != 3) {
        ::dup2(listener, 3);
      } else {
        ::fcntl(3, F_SETFD, 0);
      }
      int out = ::open(log.c_str(), O_WRONLY | O_CREAT | O_APPEND, 0644);
      if (out >= 0) {
        ::dup2(out, 1);
        ::dup2(out, 2);
      }
      char* argv[] = {const_cast<char*>("pcscd"), const_cast<char*>("-f"), const_cast<char*>("-c"), conf.data(), nullptr};
      ::execve("/usr/sbin/pcscd", argv, envp.data());
      ::_exit(127);
    }
    // pcscd fails at once when it cannot start (another daemon's pid file, a driver error).
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
    int status = 0;
    if (::waitpid(pid_, &status, WNOHANG) == pid_) {
      pid_ = -1;
      return "pcscd exited at start, see " + log;
    }
    return {};
  }

  void stop() {
    if (pid_ <= 0) return;
    ::kill(pid_, SIGTERM);
    auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(3);
    int status = 0;
    while (::waitpid(pid_, &status, WNOHANG) == 0) {
      if (std::chrono::steady_clock::now() > deadline) {
        ::kill(pid_, SIGKILL);
        ::waitpid(pid_, &status, 0);
        break;
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    pid_ = -1;
  }

  std::uint16_t port() const { return port_; }
  const std::filesystem::path& socket_path() const { return socket_path_; }
  std::filesystem::path log_path() const { return dir_ / "pcscd.log"; }

 private:
  // vpcd listens on its port and the next one (two reader slots).
  static bool port_free(std::uint16_t port) {
    UniqueFd fd(::socket(AF_INET, SOCK_STREAM, 0));
    int one = 1;
    ::setsockopt(fd.get(), SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_port = htons(port);
    addr.sin_addr.s_addr = htonl(INADDR_ANY);
    return ::bind(fd.get(), reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0;
  }
  static std::uint16_t free_port_pair() {
    std::mt19937 rng(static_cast<unsigned>(::getpid()) ^ static_cast<unsigned>(std::time(nullptr)));
    std::uniform_int_distribution<int> pick(36000, 60000);
    for (int attempt = 0; attempt < 50; ++attempt) {
      auto port = static_cast<std::uint16_t>(pick(rng));
      if (port_free(port) && port_free(static_cast<std::uint16_t>(port + 1))) return port;
    }
    return 0;
  }

  std::filesystem::path dir_;
  std::filesystem::path socket_path_;
  UniqueFd listener_;
  std::uint16_t port_ = 0;
  pid_t pid_ = -1;
};

}  // namespace lpad::test
