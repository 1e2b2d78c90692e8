// How the engine reaches SM-DP+ and SM-DS servers: by address, since notifications and SM-DS
// events name servers the download did not start with. The HTTPS implementation is the one the
// daemon and the CLI use; unit tests substitute recorded or scripted servers.
#pragma once

#include <memory>
#include <string>

#include "es11/es11.h"
#include "es9p/es9p.h"
#include "https/https_client.h"

namespace lpad::engine {

class RspServers {
 public:
  virtual ~RspServers() = default;
  virtual std::unique_ptr<es9p::Es9p> smdp(const std::string& address) = 0;
  virtual std::unique_ptr<es11::Es11> smds(const std::string& address) = 0;
};

class HttpsRspServers final : public RspServers {
 public:
  explicit HttpsRspServers(https::HttpsClient client) : client_(std::move(client)) {}
  std::unique_ptr<es9p::Es9p> smdp(const std::string& address) override { return es9p::make_https_es9p(client_, address); }
  std::unique_ptr<es11::Es11> smds(const std::string& address) override { return es11::make_https_es11(client_, address); }

 private:
  https::HttpsClient client_;
};

}  // namespace lpad::engine
