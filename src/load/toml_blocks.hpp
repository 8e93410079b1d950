// Cutting a large fact file into blocks of whole records, so that the loader can parse,
// convert and free one block at a time instead of holding the TOML tree of the whole file
// (bench/README.md: a 50,000-record file took a 112 MB tree and 29,000 page faults).
//
// A cut is made only where it cannot change what the file means. Every block after the
// first starts at a line `[[kind]]` for one of the record kinds, outside any string,
// array or inline table, and every other table header in it continues the record above
// it (`[figure.x]`, `[[series.points]]` under `[[series]]`). The first block, the
// prefix, holds whatever comes before the first record (`[subject]`, usually). A file
// with any other header after its first record, such as `[subject]` at the end, is not
// cut at all. The loader adds the one check left: no top-level key of the prefix may be
// a kind that a later block opens (TOML would call that a table defined twice).
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string_view>
#include <vector>

namespace nkfacts::load {

struct TomlBlock {
  std::size_t begin = 0;   // byte offset of the block's first line
  std::size_t end = 0;     // one past its last byte
  std::uint32_t line = 0;  // lines before the block: add it to a line within the block
};

struct TomlBlocks {
  std::vector<TomlBlock> blocks;         // blocks[0] is the prefix, possibly empty
  std::vector<std::string_view> opened;  // the kinds the later blocks open, each once
};

// Cuts `text` at `[[kind]]` lines (kind one of `kinds`), each block after the prefix at
// least `block_bytes` long but for the last. Returns nothing when the file cannot be cut
// safely, or would be one block after its prefix: the caller parses it whole.
std::optional<TomlBlocks> split_toml_blocks(std::string_view text, std::size_t block_bytes,
                                            std::span<const std::string_view> kinds);

}  // namespace nkfacts::load
