// Reference for loading: parses one TOML file with toml++ and does nothing else (the tree
// is kept until exit, as a program that used it would). nkfacts loading the same file,
// schema checks and conversion included, is measured against it.
#include <toml++/toml.h>

#include <cstdio>
#include <fstream>
#include <sstream>

int main(int argc, char** argv) {
  if (argc != 2) {
    std::fputs("usage: toml_parse FILE\n", stderr);
    return 2;
  }
  std::ifstream file(argv[1], std::ios::binary);
  std::stringstream text;
  text << file.rdbuf();
  const std::string content = text.str();
  toml::parse_result result = toml::parse(std::string_view(content), std::string_view(argv[1]));
  if (!result) {
    std::fputs("parse error\n", stderr);
    return 2;
  }
  std::printf("%zu keys\n", result.table().size());
  return 0;
}
