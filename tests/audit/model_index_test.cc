// Unit tests of the model's look-ups: a record's attributes (Attrs),
// NameIndex, and what Model::Index builds (step indexes, implementations,
// exemptions and dependencies by step) on hand-built and edited models.
#include <string>
#include <vector>

#include "gtest/gtest.h"
#include "src/audit/tables/attrs.h"
#include "src/audit/tables/model.h"
#include "src/audit/tables/name_index.h"

namespace audit {
namespace {

TEST(Attrs, EveryNameTheFirstValueAndNoOther) {
  static const char kBytes[] =
      "earlyinit=impl\0subarch=pc\0step=a\0phase=early\0policy=required\0level=10\0order=0001\0"
      "id=2\0label=PC\0reason=r\0dep=b\0fn=f\0ref0=g\0dep=c\0steps=x\0ste=y\0fn2=z\0stepx=w\0";
  Record r;
  r.attrs = linktable_meta::AttrList(kBytes, kBytes + sizeof kBytes - 1);
  const Attrs a(&r);
  const std::pair<AttrName, const char*> want[] = {
      {AttrName::kEarlyinit, "impl"}, {AttrName::kSubarch, "pc"}, {AttrName::kStep, "a"},
      {AttrName::kPhase, "early"},    {AttrName::kPolicy, "required"}, {AttrName::kLevel, "10"},
      {AttrName::kOrder, "0001"},     {AttrName::kId, "2"},            {AttrName::kLabel, "PC"},
      {AttrName::kReason, "r"},       {AttrName::kDep, "b"},           {AttrName::kFn, "f"},
      {AttrName::kRef0, "g"}};
  static_assert(sizeof want / sizeof want[0] == static_cast<size_t>(AttrName::kCount), "every name");
  for (const auto& [name, value] : want) {
    EXPECT_TRUE(a.Has(name)) << value;
    EXPECT_EQ(a.Get(name), value);
  }
  const Attrs none(nullptr);
  EXPECT_FALSE(none.Has(AttrName::kStep));
  EXPECT_EQ(none.Or(AttrName::kStep, "fallback"), "fallback");
}

TEST(NameIndex, FindsWhatWasAddedAndKeepsTheFirstValue) {
  NameIndex x;
  EXPECT_EQ(x.Find("a"), NameIndex::kNone) << "empty";
  EXPECT_TRUE(x.Add("a", 7));
  EXPECT_TRUE(x.Add("", 8)) << "the empty name is a name";
  EXPECT_FALSE(x.Add("a", 9)) << "a second a";
  EXPECT_EQ(x.Find("a"), 7u);
  EXPECT_EQ(x.Find(""), 8u);
  EXPECT_EQ(x.Find("b"), NameIndex::kNone);
  EXPECT_EQ(x.size(), 2u);
  x.clear();
  EXPECT_EQ(x.Find("a"), NameIndex::kNone);
}

TEST(NameIndex, GrowsPastManyNames) {
  std::vector<std::string> names;
  for (int i = 0; i < 20000; ++i) names.push_back("s" + std::to_string(i));
  NameIndex x;  // no Reserve: it grows
  for (size_t i = 0; i < names.size(); ++i) ASSERT_TRUE(x.Add(names[i], static_cast<uint32_t>(i)));
  for (size_t i = 0; i < names.size(); ++i) ASSERT_EQ(x.Find(names[i]), i) << names[i];
  EXPECT_EQ(x.Find("s20000"), NameIndex::kNone);
  NameIndex y;
  y.Reserve(3);
  for (size_t i = 0; i < 100; ++i) ASSERT_TRUE(y.Add(names[i], static_cast<uint32_t>(i))) << "past its reserve";
  EXPECT_EQ(y.Find(names[99]), 99u);
}

Step MakeStep(const char* name, const char* phase, std::vector<std::string_view> deps = {}) {
  Step s;
  s.name = name;
  s.phase = phase;
  s.deps = std::move(deps);
  return s;
}

Impl MakeImpl(const char* step, uint32_t line) {
  Impl im;
  im.step = step;
  im.line = line;
  return im;
}

// pc and xen_pv enabled; chains listed late first, to show run order.
Model TwoSubarchs() {
  Model m;
  m.phases = PhaseList::Default();
  m.subarchs = {{"pc", "PC", 0, "", 0}, {"xen_pv", "Xen PV", 2, "", 0}};
  m.steps = {MakeStep("a", "early"), MakeStep("b", "early", {"a", "nope"}), MakeStep("c", "late", {"b"})};
  m.chains = {{"earlyinit_late__pc", "late", "pc", {MakeImpl("c", 1), MakeImpl("b", 9)}},
              {"earlyinit_early__pc", "early", "pc", {MakeImpl("a", 2), MakeImpl("b", 3), MakeImpl("a", 4)}},
              {"earlyinit_early__xen_pv", "early", "xen_pv", {MakeImpl("ghost", 5)}},
              {"earlyinit_early__lguest", "early", "lguest", {MakeImpl("b", 6)}}};
  m.exemptions = {{"c", "xen_pv", "no late phase", "", 7}, {"ghost", "pc", "", "", 8}};
  m.Index();
  return m;
}

std::vector<uint32_t> Lines(Span<ImplRef> refs) {
  std::vector<uint32_t> out;
  for (const ImplRef& r : refs) out.push_back(r.impl->line);
  return out;
}

TEST(ModelIndex, ImplementationsByStepInRunOrder) {
  const Model m = TwoSubarchs();
  EXPECT_EQ(Lines(m.ImplsOf(0)), (std::vector<uint32_t>{2, 4}));
  EXPECT_EQ(Lines(m.ImplsOf(1)), (std::vector<uint32_t>{3, 6, 9})) << "every chain, early ones first";
  EXPECT_EQ(Lines(m.ImplsOf(2)), (std::vector<uint32_t>{1}));
  EXPECT_EQ(m.chains[2].impls[0].step_index, -1) << "ghost is not declared";
  EXPECT_EQ(m.chains[1].impls[1].step_index, 1);
  EXPECT_EQ(m.ChainSubarch(0), 0);
  EXPECT_EQ(m.ChainSubarch(2), 1);
  EXPECT_EQ(m.ChainSubarch(3), -1) << "lguest is not enabled";
  EXPECT_EQ(m.FindImpls("a", "pc").size(), 2u);
  ASSERT_EQ(m.FindImpls("b", "pc").size(), 2u);
  EXPECT_EQ(m.FindImpls("b", "pc")[1]->line, 9u) << "run order: late after early";
  EXPECT_EQ(m.FindImpls("ghost", "xen_pv").size(), 1u) << "a step not declared is still found";
}

TEST(ModelIndex, ExemptionsAndDependenciesByStep) {
  const Model m = TwoSubarchs();
  ASSERT_EQ(m.ExemptionsOf(2).size(), 1u);
  EXPECT_EQ(*m.ExemptionsOf(2).begin(), 0u);
  EXPECT_TRUE(m.ExemptionsOf(0).empty());
  EXPECT_EQ(m.exemptions[1].step_index, -1);
  EXPECT_EQ(m.FindExemptions("ghost", "pc").size(), 1u);
  EXPECT_EQ(std::vector<int32_t>(m.DepsOf(1).begin(), m.DepsOf(1).end()), (std::vector<int32_t>{0, -1}));
  EXPECT_EQ(std::vector<int32_t>(m.DepsOf(2).begin(), m.DepsOf(2).end()), (std::vector<int32_t>{1}));
  EXPECT_TRUE(m.DepsOf(0).empty());
}

TEST(ModelIndex, IndexAgainAfterAnEdit) {
  Model m = TwoSubarchs();
  m.chains[2].impls[0].step = "c";  // ghost becomes c: its stale index is -1
  m.chains[1].impls[0].step = "b";  // a becomes b: its stale index is 0
  m.Index();
  EXPECT_EQ(m.chains[2].impls[0].step_index, 2);
  EXPECT_EQ(m.chains[1].impls[0].step_index, 1);
  EXPECT_EQ(Lines(m.ImplsOf(1)), (std::vector<uint32_t>{2, 3, 6, 9}));
}

TEST(ModelIndex, TwoStepsOfOneNameResolveToTheFirst) {
  Model m = TwoSubarchs();
  m.steps.push_back(MakeStep("a", "late"));
  m.chains[1].impls[2].step_index = 3;  // as if a builder had pointed at the second a
  m.Index();
  EXPECT_EQ(m.FindStep("a"), &m.steps[0]);
  EXPECT_EQ(m.chains[1].impls[2].step_index, 0);
  EXPECT_TRUE(m.ImplsOf(3).empty());
}

}  // namespace
}  // namespace audit
