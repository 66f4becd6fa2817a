#pragma once
// witryna-central serving a folder of update artifacts over HTTPS, on its
// io_context, on loopback (tools/https_files: Range, HEAD, no way out of the
// folder), every response logged. For the demo and the tests: the fleet's
// signed manifest points at https://localhost:<port>/<artifact>.

#include <boost/asio/io_context.hpp>
#include <cstdint>
#include <filesystem>
#include <memory>

#include "edge/core/result.hpp"
#include "tools/https_files/file_server.hpp"

namespace witryna::central {

struct UpdateFilesOptions {
  std::filesystem::path dir;   // the folder served
  std::uint16_t port = 0;      // 0: a free port
  std::filesystem::path cert;  // both or neither: without them, central's own
  std::filesystem::path key;   //   certificate in <state_dir>/https/
  std::filesystem::path state_dir;
  std::filesystem::path url_file;    // written once listening: "https://localhost:<port>/"
  std::int64_t cut_once_after = -1;  // fault: the first response stops after N body bytes
};

// The certificate a client must trust (the given one, or central's own).
[[nodiscard]] std::filesystem::path update_files_cert(const UpdateFilesOptions& options);

// The checks serve_update_files makes first (a folder, a certificate with its
// key, or a state folder for its own), to refuse bad options before anything
// else starts. errc::kConfig with a message for the operator.
[[nodiscard]] Result<void> check_update_files_options(const UpdateFilesOptions& options);

// Makes central's own certificate when needed, listens, writes url_file.
// errc::kConfig with a message for the operator on bad options.
[[nodiscard]] Result<std::unique_ptr<https_files::HttpsFileServer>> serve_update_files(
    boost::asio::io_context& io, const UpdateFilesOptions& options);

}  // namespace witryna::central
