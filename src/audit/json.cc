#include "src/audit/json.h"

#include <cstdio>

namespace audit {

Json Json::Bool(bool b) {
  Json j;
  j.type_ = Type::kBool;
  j.b_ = b;
  return j;
}

Json Json::Int(int64_t v) {
  Json j;
  j.type_ = Type::kInt;
  j.i_ = v;
  return j;
}

Json Json::Str(const std::string& s) {
  Json j;
  j.type_ = Type::kString;
  j.s_ = s;
  return j;
}

Json Json::Array() {
  Json j;
  j.type_ = Type::kArray;
  return j;
}

Json Json::Object() {
  Json j;
  j.type_ = Type::kObject;
  return j;
}

Json& Json::Push(Json v) {
  items_.push_back(std::move(v));
  return items_.back();
}

Json& Json::Set(const std::string& key, Json v) {
  keys_.push_back(key);
  items_.push_back(std::move(v));
  return items_.back();
}

namespace {

// Appends s as a JSON string. Bytes from the input are not necessarily
// UTF-8: control bytes and bytes >= 0x80 become \u00XX, keeping JSON valid.
void EscapeTo(const std::string& s, std::string* out) {
  static const char kHex[] = "0123456789abcdef";
  *out += '"';
  size_t plain = 0;  // start of the run of bytes that need no escape
  for (size_t i = 0; i < s.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    if (c >= 0x20 && c < 0x7f && c != '"' && c != '\\') continue;
    out->append(s, plain, i - plain);  // appended in runs, not byte by byte
    plain = i + 1;
    switch (c) {
      case '"': *out += "\\\""; break;
      case '\\': *out += "\\\\"; break;
      case '\n': *out += "\\n"; break;
      case '\r': *out += "\\r"; break;
      case '\t': *out += "\\t"; break;
      default:
        if (c < 0x20 || c >= 0x7f) {
          const char u[] = {'\\', 'u', '0', '0', kHex[c >> 4], kHex[c & 15]};
          out->append(u, sizeof u);
        }
    }
  }
  out->append(s, plain, s.size() - plain);
  *out += '"';
}

}  // namespace

std::string JsonEscape(const std::string& s) {
  std::string out;
  EscapeTo(s, &out);
  return out;
}

// Written into one string, indentation appended in place: the fuzz target
// dumps every document it builds, so this is on its hot path.
void Json::DumpTo(std::string* out, int indent) const {
  const size_t inner = static_cast<size_t>(indent + 1) * 2;
  const bool object = type_ == Type::kObject;
  switch (type_) {
    case Type::kNull: *out += "null"; return;
    case Type::kBool: *out += b_ ? "true" : "false"; return;
    case Type::kInt: *out += std::to_string(i_); return;
    case Type::kString: EscapeTo(s_, out); return;
    case Type::kArray:
    case Type::kObject: break;
  }
  if (items_.empty()) {
    *out += object ? "{}" : "[]";
    return;
  }
  *out += object ? "{\n" : "[\n";
  for (size_t i = 0; i < items_.size(); ++i) {
    out->append(inner, ' ');
    if (object) {
      EscapeTo(keys_[i], out);
      *out += ": ";
    }
    items_[i].DumpTo(out, indent + 1);
    *out += i + 1 < items_.size() ? ",\n" : "\n";
  }
  out->append(inner - 2, ' ');
  *out += object ? '}' : ']';
}

std::string Json::Dump() const {
  std::string out;
  DumpTo(&out, 0);
  return out;
}

}  // namespace audit
