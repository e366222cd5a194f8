// earlyinit-audit: a small JSON value and writer (objects keep key order).
#ifndef EARLYINIT_SRC_AUDIT_JSON_H
#define EARLYINIT_SRC_AUDIT_JSON_H

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace audit {

class Json {
 public:
  enum class Type { kNull, kBool, kInt, kString, kArray, kObject };

  Json() = default;
  static Json Null() { return Json(); }
  static Json Bool(bool b);
  static Json Int(int64_t v);
  static Json Str(const std::string& s);
  static Json Array();
  static Json Object();

  // Arrays.
  Json& Push(Json v);
  // Objects: appends (keys are not checked for duplicates).
  Json& Set(const std::string& key, Json v);

  // Pretty-printed, two spaces per level, ending without a newline.
  std::string Dump() const;

 private:
  void DumpTo(std::string* out, int indent) const;
  Type type_ = Type::kNull;
  bool b_ = false;
  int64_t i_ = 0;
  std::string s_;
  std::vector<Json> items_;
  std::vector<std::string> keys_;
};

std::string JsonEscape(const std::string& s);

}  // namespace audit

#endif  // EARLYINIT_SRC_AUDIT_JSON_H
