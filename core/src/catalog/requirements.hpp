// The distinct tier requirements of a catalog, numbered once when it loads: scopes with the same
// requirement share an id, so an evaluation works per distinct requirement, not per scope. Per id:
// whether each standard profile meets it (a bit test) and, computed on first use and then kept, the
// set of account configurations that meet it.
#pragma once
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "catalog/model.hpp"

namespace tierscope {

class Requirements {
 public:
  int add(const Grant& g);                // the id of g: an existing one when an equal grant is known
  void index_profiles(const Model& m);    // after the last add: which profiles meet each requirement
  std::size_t size() const { return grants_.size(); }
  const Grant& grant(int id) const { return grants_[id]; }
  bool everywhere(int id) const { return grants_[id].everywhere(); }
  bool on_profile(int id, std::size_t profile) const { return on_profile_[id * profiles_ + profile]; }
  // The configurations that meet requirement id (valid ones only) and how many they are. Kept up to
  // a memory limit; past it a set is computed for the caller and not kept.
  struct Met {
    std::shared_ptr<const AccountSet> set;
    std::uint32_t count = 0;
  };
  Met met(int id, const Model& m) const;

 private:
  std::vector<Grant> grants_;
  std::map<std::string, std::size_t> ids_;  // a grant written as bytes -> its id
  std::vector<std::uint8_t> on_profile_;  // [id * profiles_ + profile]
  std::size_t profiles_ = 0;
  mutable std::mutex mutex_;
  mutable std::vector<Met> kept_;
  mutable std::size_t kept_words_ = 0;
};

}  // namespace tierscope
