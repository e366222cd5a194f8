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

std::string JsonEscape(const std::string& s) {
  std::string out = "\"";
  for (unsigned char c : s) {
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      default:
        if (c < 0x20 || c == 0x7f) {
          char buf[8];
          snprintf(buf, sizeof buf, "\\u%04x", c);
          out += buf;
        } else if (c >= 0x80) {
          // Bytes from the input are not necessarily UTF-8: keep JSON valid.
          char buf[8];
          snprintf(buf, sizeof buf, "\\u%04x", c);
          out += buf;
        } else {
          out += static_cast<char>(c);
        }
    }
  }
  return out + "\"";
}

void Json::DumpTo(std::string* out, int indent) const {
  const std::string pad(static_cast<size_t>(indent) * 2, ' ');
  const std::string inner(static_cast<size_t>(indent + 1) * 2, ' ');
  switch (type_) {
    case Type::kNull: *out += "null"; break;
    case Type::kBool: *out += b_ ? "true" : "false"; break;
    case Type::kInt: *out += std::to_string(i_); break;
    case Type::kString: *out += JsonEscape(s_); break;
    case Type::kArray:
      if (items_.empty()) {
        *out += "[]";
        break;
      }
      *out += "[\n";
      for (size_t i = 0; i < items_.size(); ++i) {
        *out += inner;
        items_[i].DumpTo(out, indent + 1);
        *out += i + 1 < items_.size() ? ",\n" : "\n";
      }
      *out += pad + "]";
      break;
    case Type::kObject:
      if (items_.empty()) {
        *out += "{}";
        break;
      }
      *out += "{\n";
      for (size_t i = 0; i < items_.size(); ++i) {
        *out += inner + JsonEscape(keys_[i]) + ": ";
        items_[i].DumpTo(out, indent + 1);
        *out += i + 1 < items_.size() ? ",\n" : "\n";
      }
      *out += pad + "}";
      break;
  }
}

std::string Json::Dump() const {
  std::string out;
  DumpTo(&out, 0);
  return out;
}

}  // namespace audit
