// The KASAN rule and the entry matrix of `paths` on trees built by hand:
// path order (a callee's calls before its caller's next call), the rule
// ends at kasan_early_init, an inlined helper's checks count for its
// out-of-line caller, one finding per entry and function; and the command
// word is found after options (IsPathsCommand).
#include <string>
#include <vector>

#include "gtest/gtest.h"
#include "src/audit/commands/paths_cmd.h"
#include "src/audit/commands/paths_rules.h"
#include "src/audit/dwarf/call_tree.h"
#include "src/audit/options.h"

namespace audit {
namespace {

PathNode N(PathNode::Kind kind, const std::string& name, std::vector<PathNode> children = {}) {
  PathNode n;
  n.kind = kind;
  n.name = name;
  n.children = std::move(children);
  return n;
}
PathNode Call(const std::string& name, std::vector<PathNode> children = {}) {
  return N(PathNode::Kind::kCall, name, std::move(children));
}
PathNode Inline(const std::string& name, std::vector<PathNode> children = {}) {
  return N(PathNode::Kind::kInline, name, std::move(children));
}
EntryTree Tree(const std::string& entry, std::vector<PathNode> roots) {
  EntryTree t;
  t.entry.name = entry;
  t.roots = std::move(roots);
  return t;
}

TEST(KasanRule, RuntimeCallBeforeEarlyInitIsAFindingAfterItIsNot) {
  const auto f = KasanRule({Tree("native", {N(PathNode::Kind::kEntry, "start", {
                                                 Call("early", {Call("__asan_report_load8_noabort")}),
                                                 Call("kasan_early_init"),
                                                 Call("late", {Call("__asan_report_store4_noabort")}),
                                             })})});
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].entry, "native");
  EXPECT_EQ(f[0].function, "early");
  EXPECT_EQ(f[0].chain, (std::vector<std::string>{"start", "early"}));
  EXPECT_EQ(f[0].runtime_calls, (std::vector<std::string>{"__asan_report_load8_noabort"}));
  EXPECT_TRUE(f[0].early_init_later);
  EXPECT_EQ(f[0].finding.kind, FindingKind::kKasanBeforeEarlyInit);
  EXPECT_NE(f[0].finding.message.find("before kasan_early_init"), std::string::npos);
}

TEST(KasanRule, KasanEarlyInitDeepInACalleeStillEndsTheRule) {
  const auto f = KasanRule({Tree("e", {N(PathNode::Kind::kEntry, "start", {
                                            Call("setup", {Call("kasan_early_init")}),
                                            Call("later", {Call("__kasan_check_write")}),
                                        })})});
  EXPECT_TRUE(f.empty());
}

TEST(KasanRule, InlinedHelperCountsForItsOutOfLineCaller) {
  const auto f = KasanRule({Tree("xen_pv", {N(PathNode::Kind::kEntry, "xen_start_kernel", {
                                                 Inline("checked_load", {Call("__asan_report_load8_noabort")}),
                                                 Inline("checked_store", {Call("__asan_report_store4_noabort")}),
                                             })})});
  ASSERT_EQ(f.size(), 1u);  // one per entry and function
  EXPECT_EQ(f[0].function, "xen_start_kernel");
  EXPECT_EQ(f[0].runtime_calls,
            (std::vector<std::string>{"__asan_report_load8_noabort", "__asan_report_store4_noabort"}));
  EXPECT_FALSE(f[0].early_init_later);
  EXPECT_NE(f[0].finding.message.find("never reaches kasan_early_init"), std::string::npos);
}

TEST(KasanRule, LaterRootsOfAnEntryRunAfterTheFirst) {
  // PVH: xen_prepare_pvh, then the native path with kasan_early_init.
  const auto f = KasanRule({Tree("pvh", {N(PathNode::Kind::kEntry, "xen_prepare_pvh", {
                                              Call("__asan_report_load4_noabort")}),
                                          N(PathNode::Kind::kEntry, "x86_64_start_kernel", {
                                              Call("kasan_early_init")})})});
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].function, "xen_prepare_pvh");
  EXPECT_TRUE(f[0].early_init_later);
}

TEST(EntryMatrix, ListsWhatSomeEntriesReachAndNotAll) {
  const auto m = EntryMatrix({Tree("a", {N(PathNode::Kind::kEntry, "s", {Call("both"), Inline("only_a")})}),
                              Tree("b", {N(PathNode::Kind::kEntry, "s", {Call("both"), Call("only_b")})})});
  ASSERT_EQ(m.size(), 2u);
  EXPECT_EQ(m[0].name, "only_a");
  EXPECT_EQ(m[0].how, (std::vector<std::string>{"inline", ""}));
  EXPECT_EQ(m[1].name, "only_b");
  EXPECT_EQ(m[1].how, (std::vector<std::string>{"", "call"}));
}

TEST(IsPathsCommand, FindsTheCommandWordAfterOptions) {
  EXPECT_TRUE(IsPathsCommand({"paths", "f"}));
  EXPECT_TRUE(IsPathsCommand({"--format", "json", "paths", "f"}));
  EXPECT_TRUE(IsPathsCommand({"--depth=2", "--entry", "a=b", "paths"}));
  EXPECT_FALSE(IsPathsCommand({"--format", "paths", "list", "f"}));
  EXPECT_FALSE(IsPathsCommand({"list", "paths"}));
  EXPECT_FALSE(IsPathsCommand({}));
}

}  // namespace
}  // namespace audit
