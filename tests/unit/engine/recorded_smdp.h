// An SM-DP+ that answers with the recorded session of ../shared/vectors/download-sgp26 (made by
// osmo-smdpp), for the engine's unit tests. It records what the engine sent, and each answer can
// be replaced or failed to drive the engine's error paths. Integration tests use the real test
// SM-DP+ over HTTPS instead.
#pragma once

#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "engine/rsp_servers.h"
#include "unit/veuicc_download/download_fixture.h"

namespace lpad::test {

struct SentToServer {
  std::string function;
  std::string transaction_id;
  Bytes payload;
};

struct RecordedSmdp final : es9p::Es9p {
  std::string address_ = "testsmdpplus1.example.com";
  std::vector<SentToServer> sent;
  std::map<std::string, Error> failures;  // function name -> the error it answers
  std::map<std::string, int> failures_left;  // function name -> failures before it succeeds (unset: always)
  std::function<void(es9p::AuthenticateClientOk&)> edit_offer;
  std::function<void(Bytes&)> edit_bpp;
  std::function<void(es9p::InitiateAuthenticationOk&)> edit_initiate;

  const std::string& address() const override { return address_; }

  Result<es9p::InitiateAuthenticationOk> initiate_authentication(ByteView challenge, ByteView info1) override {
    if (auto failure = failed("initiateAuthentication", challenge)) return unexpected(*failure);
    (void)info1;
    es9p::InitiateAuthenticationOk ok{secret("transactionId"), recorded(1, "response", "serverSigned1"),
                                      recorded(1, "response", "serverSignature1"),
                                      recorded(1, "response", "euiccCiPKIdToBeUsed"), recorded(1, "response", "serverCertificate")};
    if (edit_initiate) edit_initiate(ok);
    return ok;
  }
  Result<es9p::AuthenticateClientOk> authenticate_client(std::string_view tid, ByteView response) override {
    if (auto failure = failed("authenticateClient", response, tid)) return unexpected(*failure);
    es9p::AuthenticateClientOk ok{secret("transactionId"), recorded(2, "response", "profileMetadata"),
                                  recorded(2, "response", "smdpSigned2"), recorded(2, "response", "smdpSignature2"),
                                  recorded(2, "response", "smdpCertificate")};
    if (edit_offer) edit_offer(ok);
    return ok;
  }
  Result<Bytes> get_bound_profile_package(std::string_view tid, ByteView response) override {
    if (auto failure = failed("getBoundProfilePackage", response, tid)) return unexpected(*failure);
    Bytes bpp = read_file(recording_dir() / "bpp.der");
    if (edit_bpp) edit_bpp(bpp);
    return bpp;
  }
  Result<void> handle_notification(ByteView notification) override {
    if (auto failure = failed("handleNotification", notification)) return unexpected(*failure);
    return {};
  }
  Result<void> cancel_session(std::string_view tid, ByteView response) override {
    if (auto failure = failed("cancelSession", response, tid)) return unexpected(*failure);
    return {};
  }

  std::vector<std::string> functions() const {
    std::vector<std::string> names;
    for (const auto& s : sent) names.push_back(s.function);
    return names;
  }
  const SentToServer* last(const std::string& function) const {
    for (auto it = sent.rbegin(); it != sent.rend(); ++it)
      if (it->function == function) return &*it;
    return nullptr;
  }

 private:
  std::optional<Error> failed(const std::string& function, ByteView payload, std::string_view tid = {}) {
    sent.push_back({function, std::string(tid), Bytes(payload.begin(), payload.end())});
    auto failure = failures.find(function);
    if (failure == failures.end()) return std::nullopt;
    if (auto left = failures_left.find(function); left != failures_left.end()) {
      if (left->second == 0) return std::nullopt;
      --left->second;
    }
    return failure->second;
  }
};

// Hands out the one recorded SM-DP+ for every address (the recording has only one), and an SM-DS
// that authenticates with the same recorded messages and lists `events`.
class RecordedServers final : public engine::RspServers {
 public:
  struct Smds final : es11::Es11 {
    RecordedSmdp& smdp;
    std::vector<es11::EventEntry> events;
    std::string address_;
    explicit Smds(RecordedSmdp& s, std::vector<es11::EventEntry> e, std::string address)
        : smdp(s), events(std::move(e)), address_(std::move(address)) {}
    const std::string& address() const override { return address_; }
    Result<rsp_binding::InitiateAuthenticationOk> initiate_authentication(ByteView c, ByteView i) override {
      return smdp.initiate_authentication(c, i);
    }
    Result<std::vector<es11::EventEntry>> authenticate_client(std::string_view tid, ByteView response) override {
      smdp.sent.push_back({"es11.authenticateClient", std::string(tid), Bytes(response.begin(), response.end())});
      return events;
    }
  };

  RecordedSmdp server;
  std::vector<es11::EventEntry> events;
  std::vector<std::string> addresses_asked;

  std::unique_ptr<es9p::Es9p> smdp(const std::string& address) override {
    addresses_asked.push_back(address);
    return std::make_unique<Forward>(server);
  }
  std::unique_ptr<es11::Es11> smds(const std::string& address) override {
    addresses_asked.push_back(address);
    return std::make_unique<Smds>(server, events, address);
  }

 private:
  // The engine owns what it is given; the recorded server outlives it here.
  struct Forward final : es9p::Es9p {
    RecordedSmdp& to;
    explicit Forward(RecordedSmdp& t) : to(t) {}
    const std::string& address() const override { return to.address(); }
    Result<es9p::InitiateAuthenticationOk> initiate_authentication(ByteView c, ByteView i) override { return to.initiate_authentication(c, i); }
    Result<es9p::AuthenticateClientOk> authenticate_client(std::string_view t, ByteView r) override { return to.authenticate_client(t, r); }
    Result<Bytes> get_bound_profile_package(std::string_view t, ByteView r) override { return to.get_bound_profile_package(t, r); }
    Result<void> handle_notification(ByteView n) override { return to.handle_notification(n); }
    Result<void> cancel_session(std::string_view t, ByteView r) override { return to.cancel_session(t, r); }
  };
};

}  // namespace lpad::test
