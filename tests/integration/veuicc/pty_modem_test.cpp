// The software modem on a real pseudo-terminal, driven by a small AT client as a host would.
#include <fcntl.h>
#include <poll.h>
#include <termios.h>
#include <unistd.h>

#include <gtest/gtest.h>

#include <chrono>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "support/veuicc_stand_in_es10.h"
#include "veuicc/card/euicc_card.h"
#include "veuicc/transport/pty_modem.h"
#include "core/unique_fd.h"

namespace lpad::veuicc {
namespace {

using namespace std::chrono_literals;

const std::string kIsdR = "A0000005591010FFFFFFFF8900000100";

// A host's view of the modem: opens the tty, sends a command line, collects lines until a final
// result code, and keeps unsolicited result codes and echoes apart.
class AtClient {
 public:
  explicit AtClient(const std::string& path) : fd_(::open(path.c_str(), O_RDWR | O_NOCTTY | O_CLOEXEC)) {
    if (!fd_) return;
    termios tio{};
    ::tcgetattr(fd_.get(), &tio);
    ::cfmakeraw(&tio);
    ::tcsetattr(fd_.get(), TCSANOW, &tio);
    ::tcflush(fd_.get(), TCIOFLUSH);
  }
  bool ok() const { return fd_.valid(); }

  void send_raw(std::string_view text) { [[maybe_unused]] auto n = ::write(fd_.get(), text.data(), text.size()); }

  struct Answer {
    std::vector<std::string> lines;  // information text and final result, without URCs or echo
    std::vector<std::string> urcs;
    std::string raw;
    bool timed_out = false;
    const std::string& final_result() const { return lines.back(); }
  };

  Answer command(std::string_view line, std::chrono::milliseconds timeout = 2000ms) {
    send_raw(std::string(line) + "\r");
    return read_answer(timeout);
  }

  Answer read_answer(std::chrono::milliseconds timeout) {
    Answer answer;
    auto deadline = std::chrono::steady_clock::now() + timeout;
    while (true) {
      auto newline = pending_.find("\r\n");
      if (newline != std::string::npos) {
        std::string line = pending_.substr(0, newline);
        pending_.erase(0, newline + 2);
        if (line.empty()) continue;
        if (line.find('\r') != std::string::npos) line = line.substr(line.rfind('\r') + 1);  // after an echo
        if (line.empty()) continue;
        if (line == "RING" || line.starts_with("+CREG:")) {
          answer.urcs.push_back(line);
          continue;
        }
        answer.lines.push_back(line);
        if (line == "OK" || line == "ERROR" || line.starts_with("+CME ERROR:")) return answer;
        continue;
      }
      auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
      if (left.count() <= 0) {
        answer.timed_out = true;
        answer.lines.emplace_back("<timeout>");
        return answer;
      }
      pollfd p{fd_.get(), POLLIN, 0};
      if (::poll(&p, 1, static_cast<int>(left.count())) <= 0) continue;
      char buffer[1024];
      auto n = ::read(fd_.get(), buffer, sizeof buffer);
      if (n > 0) {
        pending_.append(buffer, static_cast<std::size_t>(n));
        answer.raw.append(buffer, static_cast<std::size_t>(n));
      }
    }
  }

  // Bytes that arrive within `wait`, unparsed.
  std::string drain(std::chrono::milliseconds wait) {
    std::string out = pending_;
    pending_.clear();
    pollfd p{fd_.get(), POLLIN, 0};
    while (::poll(&p, 1, static_cast<int>(wait.count())) > 0) {
      char buffer[1024];
      auto n = ::read(fd_.get(), buffer, sizeof buffer);
      if (n <= 0) break;
      out.append(buffer, static_cast<std::size_t>(n));
    }
    return out;
  }

 private:
  UniqueFd fd_;
  std::string pending_;
};

class PtyModemTest : public ::testing::Test {
 protected:
  void start(AtModemOptions options) {
    card_ = std::make_unique<EuiccCard>(es10_, CardOptions{});
    auto port = PtyPort::open();
    ASSERT_TRUE(port) << port.error().describe();
    modem_ = std::make_unique<PtyModem>(*card_, std::move(*port), options);
    thread_ = std::jthread([this](std::stop_token stop) { (void)modem_->run(stop); });
    client_ = std::make_unique<AtClient>(modem_->slave_path());
    ASSERT_TRUE(client_->ok()) << modem_->slave_path();
  }
  void TearDown() override {
    client_.reset();
    thread_ = {};
  }

  test::StandInEs10 es10_;
  std::unique_ptr<EuiccCard> card_;
  std::unique_ptr<PtyModem> modem_;
  std::jthread thread_;
  std::unique_ptr<AtClient> client_;
};

TEST_F(PtyModemTest, SlavePathIsATerminal) {
  start({});
  EXPECT_TRUE(modem_->slave_path().starts_with("/dev/pts/"));
  UniqueFd fd(::open(modem_->slave_path().c_str(), O_RDWR | O_NOCTTY));
  EXPECT_TRUE(::isatty(fd.get()));
}

TEST_F(PtyModemTest, GetEidOverLogicalChannel) {
  start({});
  EXPECT_EQ(client_->command("AT").final_result(), "OK");
  auto imei = client_->command("AT+CGSN");
  EXPECT_EQ(imei.lines, (std::vector<std::string>{"356938035643809", "OK"}));
  auto ccho = client_->command("AT+CCHO=\"" + kIsdR + "\"");
  EXPECT_EQ(ccho.lines, (std::vector<std::string>{"+CCHO: 1", "OK"}));
  auto eid = client_->command("AT+CGLA=1,22,\"81E2910006BF3E035C015A\"");
  EXPECT_EQ(eid.lines, (std::vector<std::string>{"+CGLA: 46,\"BF3E125A10890490321234512345123456789012359000\"", "OK"}));
  EXPECT_EQ(client_->command("AT+CCHC=1").final_result(), "OK");
}

TEST_F(PtyModemTest, CsimWithHostManagedChannelAndChaining) {
  start({});
  EXPECT_EQ(client_->command("AT+CSIM=10,\"0070000001\"").lines[0], "+CSIM: 6,\"019000\"");
  EXPECT_EQ(client_->command("AT+CSIM=42,\"01A4040C10" + kIsdR + "\"").lines[0], "+CSIM: 4,\"9000\"");
  EXPECT_EQ(client_->command("AT+CSIM=16,\"81E2110003BF3E03\"").lines[0], "+CSIM: 4,\"9000\"");
  EXPECT_EQ(client_->command("AT+CSIM=16,\"81E29102035C015A\"").lines[0], "+CSIM: 4,\"6A86\"");  // 02 after 00
  EXPECT_EQ(client_->command("AT+CSIM=16,\"81E2110003BF3E03\"").lines[0], "+CSIM: 4,\"9000\"");
  EXPECT_EQ(client_->command("AT+CSIM=16,\"81E29101035C015A\"").lines[0], "+CSIM: 4,\"6115\"");
  EXPECT_EQ(client_->command("AT+CSIM=10,\"01C0000015\"").lines[0],
            "+CSIM: 46,\"BF3E125A10890490321234512345123456789012359000\"");
}

TEST_F(PtyModemTest, EchoQuirk) {
  start({.echo = true});
  auto a = client_->command("AT");
  EXPECT_EQ(a.final_result(), "OK");
  EXPECT_TRUE(a.raw.starts_with("AT\r")) << a.raw;
  EXPECT_EQ(client_->command("ATE0").final_result(), "OK");
  auto b = client_->command("AT");
  EXPECT_EQ(b.raw, "\r\nOK\r\n");
}

TEST_F(PtyModemTest, UnsolicitedResultCodesQuirk) {
  start({.urc_every = 1});
  auto first = client_->command("AT");
  EXPECT_EQ(first.final_result(), "OK");
  auto second = client_->command("AT+CGSN");
  EXPECT_EQ(second.lines, (std::vector<std::string>{"356938035643809", "OK"}));
  EXPECT_EQ(second.urcs, (std::vector<std::string>{"+CREG: 1"}));  // sent after the first OK
  auto third = client_->command("AT");
  EXPECT_EQ(third.urcs, (std::vector<std::string>{"RING"}));
}

TEST_F(PtyModemTest, BareNumberCchoQuirk) {
  start({.ccho_bare_number = true});
  auto ccho = client_->command("AT+CCHO=\"" + kIsdR + "\"");
  EXPECT_EQ(ccho.lines, (std::vector<std::string>{"1", "OK"}));
}

TEST_F(PtyModemTest, SlowAnswersQuirk) {
  start({.answer_delay = 300ms});
  auto start_time = std::chrono::steady_clock::now();
  EXPECT_EQ(client_->command("AT").final_result(), "OK");
  EXPECT_GE(std::chrono::steady_clock::now() - start_time, 300ms);
  // A host with a short timeout misses the answer, and finds it later.
  EXPECT_TRUE(client_->command("AT", 100ms).timed_out);
  EXPECT_EQ(client_->read_answer(1000ms).final_result(), "OK");
}

TEST_F(PtyModemTest, ErrorInTheMiddleOfALongCommandQuirk) {
  start({.max_line_length = 64});
  std::string apdu = "81E2910020" + std::string(64, 'A');
  client_->send_raw("AT+CSIM=" + std::to_string(apdu.size()) + ",\"" + apdu.substr(0, 60));
  EXPECT_EQ(client_->drain(300ms), "\r\nERROR\r\n");  // before the line is complete
  client_->send_raw(apdu.substr(60) + "\"\r");
  EXPECT_EQ(client_->drain(200ms), "");  // the rest of the line is dropped silently
  EXPECT_EQ(client_->command("AT").final_result(), "OK");
}

TEST_F(PtyModemTest, GetResponseSwitchForCgla) {
  start({.get_response_for_cgla = false});
  client_->command("AT+CCHO=\"" + kIsdR + "\"");
  EXPECT_EQ(client_->command("AT+CGLA=1,22,\"81E2910006BF3E035C015A\"").lines[0], "+CGLA: 4,\"6115\"");
  EXPECT_EQ(client_->command("AT+CGLA=1,10,\"81C0000015\"").lines[0],
            "+CGLA: 46,\"BF3E125A10890490321234512345123456789012359000\"");
}

TEST_F(PtyModemTest, SecondHostAfterTheFirstClosed) {
  start({});
  EXPECT_EQ(client_->command("AT").final_result(), "OK");
  client_.reset();
  AtClient again(modem_->slave_path());
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(again.command("AT+CPIN?").lines, (std::vector<std::string>{"+CPIN: READY", "OK"}));
}

}  // namespace
}  // namespace lpad::veuicc
