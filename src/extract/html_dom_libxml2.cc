// Document::parse_libxml2: libxml2's HTML parser driven through SAX callbacks that append straight
// to our flat node vector, so libxml2 never builds (and frees) a tree of its own. About 2-3x the
// speed of gumbo on real pages; its tree rules for misnested markup are HTML4-era (see html_dom.h).
#include <libxml/HTMLparser.h>
#include <libxml/parser.h>
#include <libxml/parserInternals.h>

#include <climits>
#include <cstring>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>

#include "html_dom.h"
#include "html_dom_internal.h"

namespace pk::html {

namespace {

std::string_view view(const xmlChar* s) {
  return s ? std::string_view(reinterpret_cast<const char*>(s)) : std::string_view();
}

// Appends SAX events to the Document's vectors. Character data arrives in chunks (and libxml2
// reuses its buffers), so it is gathered in `pending` and copied into the arena once per run.
struct SaxBuilder {
  std::vector<Node>* nodes = nullptr;
  std::vector<Document::Attr>* attrs = nullptr;
  Arena* arena = nullptr;
  std::vector<NodeId> last_child{kNoNode};
  NodeId current = 0;
  std::string pending;
  // Element and attribute names come from libxml2's dictionary (one pointer per distinct name),
  // which dies with the parser context: each is copied into the arena once.
  std::unordered_map<const xmlChar*, std::string_view> names;

  std::string_view name(const xmlChar* n) {
    auto [it, inserted] = names.try_emplace(n);
    if (inserted) it->second = valid_copy(arena->copy(view(n)), *arena);
    return it->second;
  }

  NodeId append(Node n) {
    n.parent = current;
    n.depth = (*nodes)[current].depth + 1;
    NodeId id = static_cast<NodeId>(nodes->size());
    nodes->push_back(n);
    last_child.push_back(kNoNode);
    if (last_child[current] == kNoNode) {
      (*nodes)[current].first_child = id;
    } else {
      (*nodes)[last_child[current]].next_sibling = id;
    }
    last_child[current] = id;
    return id;
  }

  void flush_text() {
    if (pending.empty()) return;
    Node n;
    n.kind = Node::Kind::kText;
    n.text = clean_text(pending, *arena);
    if (n.text.data() == pending.data()) n.text = arena->copy(pending);
    append(n);
    pending.clear();
  }

  void start(const xmlChar* tag, const xmlChar** atts) {
    flush_text();
    Node n;
    n.kind = Node::Kind::kElement;
    n.tag = name(tag);
    n.attr_begin = static_cast<std::uint32_t>(attrs->size());
    if (atts) {
      for (const xmlChar** a = atts; a[0]; a += 2) {
        std::string_view value = view(a[1]);
        std::string_view clean = valid_text(value, *arena);
        attrs->emplace_back(name(a[0]), clean.data() == value.data() ? arena->copy(value) : clean);
      }
    }
    n.attr_count = static_cast<std::uint32_t>(attrs->size()) - n.attr_begin;
    current = append(n);
  }

  void end() {
    flush_text();
    if (current != 0) current = (*nodes)[current].parent;
  }
};

SaxBuilder& builder(void* ctx) {
  auto* parser = static_cast<htmlParserCtxtPtr>(ctx);
  return *static_cast<SaxBuilder*>(parser->_private);
}

void on_start(void* ctx, const xmlChar* tag, const xmlChar** atts) { builder(ctx).start(tag, atts); }
void on_end(void* ctx, const xmlChar*) { builder(ctx).end(); }
void on_text(void* ctx, const xmlChar* s, int len) {
  builder(ctx).pending.append(reinterpret_cast<const char*>(s), static_cast<std::size_t>(len));
}

const htmlSAXHandler& sax_handler() {
  static const htmlSAXHandler handler = [] {
    htmlSAXHandler h;
    std::memset(&h, 0, sizeof h);  // no startDocument: libxml2 must not build a tree of its own
    h.startElement = on_start;
    h.endElement = on_end;
    h.characters = on_text;
    h.ignorableWhitespace = on_text;  // keep white space between elements, as gumbo does
    h.cdataBlock = on_text;           // script and style bodies
    return h;
  }();
  return handler;
}

}  // namespace

Result<Document> Document::parse_libxml2(std::string_view input) {
  static std::once_flag init;
  std::call_once(init, [] { xmlInitParser(); });
  if (input.size() > static_cast<std::size_t>(INT_MAX)) input = input.substr(0, INT_MAX);

  Document doc;
  doc.arena_ = std::make_shared<Arena>();
  doc.nodes_.reserve(input.size() / 40 + 16);
  doc.nodes_.push_back(Node{Node::Kind::kDocument, {}, {}, 0, 0, kNoNode, kNoNode, kNoNode, 0});
  SaxBuilder b;
  b.nodes = &doc.nodes_;
  b.attrs = &doc.attrs_;
  b.arena = doc.arena_.get();

  // An empty buffer makes libxml2 fail to create a context: an empty document is the answer.
  if (input.empty()) return doc;
  htmlParserCtxtPtr ctxt = htmlCreateMemoryParserCtxt(input.data(), static_cast<int>(input.size()));
  if (!ctxt) return Status::internal("libxml2 could not create an HTML parser context");
  std::memcpy(ctxt->sax, &sax_handler(), sizeof(htmlSAXHandler));
  ctxt->_private = &b;
  ctxt->userData = ctxt;  // callbacks receive the context and find the builder in _private
  // The input is UTF-8 already (html_charset.cc): a <meta charset> must not switch decoders.
  htmlCtxtUseOptions(ctxt, HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
                               HTML_PARSE_NONET | HTML_PARSE_NODEFDTD | HTML_PARSE_IGNORE_ENC);
  xmlSwitchEncoding(ctxt, XML_CHAR_ENCODING_UTF8);
  htmlParseDocument(ctxt);
  htmlFreeParserCtxt(ctxt);
  b.flush_text();
  return doc;
}

}  // namespace pk::html
