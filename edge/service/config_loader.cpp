#include "edge/service/config_loader.hpp"

namespace witryna::service {

Result<LoadedConfig> load_service_config(const std::filesystem::path& file,
                                         const std::vector<std::string>& overrides,
                                         bool with_desired) {
  auto document = read_config_document(file);
  if (!document) return tl::make_unexpected(document.error());
  for (const auto& assignment : overrides) {
    auto patch = parse_override(assignment);
    if (!patch) return tl::make_unexpected(patch.error());
    document->merge_patch(*patch);
  }
  std::error_code ec;
  auto absolute = std::filesystem::absolute(file, ec);
  if (ec) absolute = file;
  LoadedConfig loaded;
  loaded.base_dir = absolute.parent_path();
  auto config = config_from_json(*document, loaded.base_dir);
  if (!config) return tl::make_unexpected(config.error());
  loaded.local = std::move(*document);
  loaded.config = std::move(*config);
  if (!with_desired) return loaded;

  auto stored = read_desired_config(desired_config_path(loaded.config));
  if (!stored) {
    loaded.desired_problem = stored.error().context;
    return loaded;
  }
  if (!stored->has_value()) return loaded;
  auto merged = merge_desired(loaded.local, (*stored)->config);
  if (!merged) {
    loaded.desired_problem = merged.error().context;
    return loaded;
  }
  auto effective = config_from_json(*merged, loaded.base_dir);
  if (!effective) {
    loaded.desired_problem = effective.error().context;
    return loaded;
  }
  loaded.config = std::move(*effective);
  loaded.desired = std::move(**stored);
  return loaded;
}

}  // namespace witryna::service
