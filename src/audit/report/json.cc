#include "src/audit/report/json.h"

#include "src/audit/base/vocabulary.h"

namespace audit {

void JsonEscapeTo(std::string_view s, std::string* out) {
  static const char kHex[] = "0123456789abcdef";
  *out += '"';
  size_t plain = 0;  // start of the run of bytes that need no escape
  for (size_t i = 0; i < s.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    if (c >= 0x20 && c < 0x7f && c != '"' && c != '\\') continue;
    out->append(s.data() + plain, i - plain);  // appended in runs, not byte by byte
    plain = i + 1;
    switch (c) {
      case '"': *out += "\\\""; break;
      case '\\': *out += "\\\\"; break;
      case '\n': *out += "\\n"; break;
      case '\r': *out += "\\r"; break;
      case '\t': *out += "\\t"; break;
      default: {
        const char u[] = {'\\', 'u', '0', '0', kHex[c >> 4], kHex[c & 15]};
        out->append(u, sizeof u);
      }
    }
  }
  out->append(s.data() + plain, s.size() - plain);
  *out += '"';
}

std::string JsonEscape(std::string_view s) {
  std::string out;
  JsonEscapeTo(s, &out);
  return out;
}

// A new line and the indentation of an item of the innermost container.
void JsonWriter::BeforeValue() {
  if (after_key_) {
    after_key_ = false;
    return;
  }
  if (open_.empty()) return;
  out_->append(open_.back().empty ? "\n" : ",\n");
  open_.back().empty = false;
  out_->append(2 * open_.size(), ' ');
}

JsonWriter& JsonWriter::Key(std::string_view key) {
  BeforeValue();
  JsonEscapeTo(key, out_);
  out_->append(": ");
  after_key_ = true;
  return *this;
}

JsonWriter& JsonWriter::Null() {
  BeforeValue();
  out_->append("null");
  return *this;
}

JsonWriter& JsonWriter::Bool(bool b) {
  BeforeValue();
  out_->append(b ? "true" : "false");
  return *this;
}

JsonWriter& JsonWriter::Int(int64_t v) {
  BeforeValue();
  out_->append(std::to_string(v));
  return *this;
}

JsonWriter& JsonWriter::Str(std::string_view s) {
  BeforeValue();
  JsonEscapeTo(s, out_);
  return *this;
}

void JsonWriter::Open(char bracket) {
  BeforeValue();
  *out_ += bracket;
  open_.push_back({bracket == '{', true});
}

JsonWriter& JsonWriter::BeginObject() {
  Open('{');
  return *this;
}

JsonWriter& JsonWriter::BeginArray() {
  Open('[');
  return *this;
}

JsonWriter& JsonWriter::End() {
  const Level l = open_.back();
  open_.pop_back();
  if (!l.empty) {
    *out_ += '\n';
    out_->append(2 * open_.size(), ' ');
  }
  *out_ += l.object ? '}' : ']';
  if (flush_to_ && out_->size() >= 64 * 1024) {
    flush_to_->write(out_->data(), static_cast<std::streamsize>(out_->size()));
    out_->clear();
  }
  return *this;
}

void BeginToolDocument(JsonWriter& w, const char* command, const std::vector<std::string>& inputs) {
  w.BeginObject();
  w.Key("tool").Str("earlyinit-audit");
  w.Key("version").Str(kVersion);
  w.Key("format_version").Int(1);
  w.Key("command").Str(command);
  w.Key("inputs").BeginArray();
  for (const std::string& f : inputs) w.Str(f);
  w.End();
}

}  // namespace audit
