// earlyinit-audit: a streaming JSON writer. Renderers write their document
// straight into a string, in order, without building a tree (the fuzz
// target renders every command of every input). Pretty-printed, two spaces
// per level; an empty object or array prints as {} or [].
#ifndef EARLYINIT_SRC_AUDIT_REPORT_JSON_H
#define EARLYINIT_SRC_AUDIT_REPORT_JSON_H

#include <cstdint>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

namespace audit {

class JsonWriter {
 public:
  explicit JsonWriter(std::string* out) : out_(out) {}
  // The same, moving the text to `flush_to` whenever an object or array
  // ends with 64 KB or more written: a document of 100,000 entries is
  // never held whole. The caller writes what is left in *out at the end.
  JsonWriter(std::string* out, std::ostream* flush_to) : out_(out), flush_to_(flush_to) {}

  // A value: at the top, in an array, or after Key() in an object.
  JsonWriter& Null();
  JsonWriter& Bool(bool b);
  JsonWriter& Int(int64_t v);
  JsonWriter& Str(std::string_view s);
  JsonWriter& BeginObject();
  JsonWriter& BeginArray();
  JsonWriter& End();  // of the innermost object or array

  // An object's member: its key, then exactly one value.
  JsonWriter& Key(std::string_view key);

  bool done() const { return open_.empty(); }

 private:
  void BeforeValue();
  void Open(char bracket);
  std::string* out_;
  std::ostream* flush_to_ = nullptr;
  struct Level {
    bool object;
    bool empty;
  };
  std::vector<Level> open_;
  bool after_key_ = false;
};

// s as a JSON string, quotes included. Bytes of the input are not
// necessarily UTF-8: control bytes and bytes >= 0x7f become \u00XX.
std::string JsonEscape(std::string_view s);
void JsonEscapeTo(std::string_view s, std::string* out);

// Opens a document of earlyinit-audit and writes the fields every
// command's JSON starts with (tool, version, format_version, command,
// inputs); the caller adds its own and closes it.
void BeginToolDocument(JsonWriter& w, const char* command, const std::vector<std::string>& inputs);

}  // namespace audit

#endif  // EARLYINIT_SRC_AUDIT_REPORT_JSON_H
