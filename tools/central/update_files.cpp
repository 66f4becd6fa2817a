#include "tools/central/update_files.hpp"

#include <cstdio>

#include "tools/central/persistence.hpp"
#include "tools/https_files/self_signed.hpp"

namespace witryna::central {

namespace fs = std::filesystem;

namespace {

fs::path own_dir(const UpdateFilesOptions& options) {
  return options.state_dir / "https";
}

}  // namespace

fs::path update_files_cert(const UpdateFilesOptions& options) {
  return options.cert.empty() ? own_dir(options) / "cert.pem" : options.cert;
}

Result<void> check_update_files_options(const UpdateFilesOptions& options) {
  const std::string config(errc::kConfig);
  if (options.cert.empty() != options.key.empty())
    return fail(config, "--https-cert and --https-key go together");
  std::error_code ec;
  if (!fs::is_directory(options.dir, ec))
    return fail(config, "--https-dir " + options.dir.string() + " is not a folder");
  if (options.cert.empty() && options.state_dir.empty())
    return fail(config,
                "--https-dir needs --https-cert/--https-key, or --state-dir to keep its own "
                "certificate in");
  return {};
}

Result<std::unique_ptr<https_files::HttpsFileServer>> serve_update_files(
    boost::asio::io_context& io, const UpdateFilesOptions& options) {
  const std::string config(errc::kConfig);
  if (auto checked = check_update_files_options(options); !checked)
    return tl::unexpected(checked.error());
  std::error_code ec;
  https_files::ServerOptions server;
  server.root = options.dir;
  server.port = options.port;
  server.cert_file = update_files_cert(options);
  server.key_file = options.cert.empty() ? own_dir(options) / "key.pem" : options.key;
  if (options.cert.empty()) {
    if (!fs::exists(server.cert_file, ec) || !fs::exists(server.key_file, ec)) {
      fs::create_directories(own_dir(options), ec);
      if (ec)
        return fail(config, "cannot create " + own_dir(options).string() + ": " + ec.message());
      if (auto made = https_files::make_self_signed(server.cert_file, server.key_file); !made)
        return tl::unexpected(made.error());
      std::fprintf(stderr, "witryna-central: made a self-signed HTTPS certificate %s\n",
                   server.cert_file.c_str());
    }
  }
  auto started = https_files::HttpsFileServer::start(io, server, [](const https_files::Served& s) {
    std::fprintf(stderr, "witryna-central: https %s\n", https_files::to_string(s).c_str());
  });
  if (!started) return started;
  if (options.cut_once_after >= 0) (*started)->cut_next_after(options.cut_once_after);
  const std::string url = (*started)->url("/");
  if (!options.url_file.empty()) {
    if (auto w = write_file_atomic(options.url_file, url + "\n"); !w)
      return fail(config, "cannot write " + options.url_file.string() + ": " + w.error().context);
  }
  std::fprintf(stderr, "witryna-central: serving %s at %s (trust %s)\n", options.dir.c_str(),
               url.c_str(), server.cert_file.c_str());
  return started;
}

}  // namespace witryna::central
