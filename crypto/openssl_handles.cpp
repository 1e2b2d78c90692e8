#include "crypto/openssl_handles.h"

#include <openssl/err.h>

namespace lpad::crypto {

Error openssl_error(Errc code, std::string_view what) {
  std::string message(what);
  bool first = true;
  while (unsigned long e = ERR_get_error()) {
    char text[256];
    ERR_error_string_n(e, text, sizeof text);
    message += first ? ": " : "; ";
    message += text;
    first = false;
  }
  return Error{code, std::move(message), std::nullopt};
}

void clear_openssl_errors() { ERR_clear_error(); }

}  // namespace lpad::crypto
