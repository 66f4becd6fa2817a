// witryna-edge: the in-store service. Filled in by the service work.
#include <cstdio>

int main() {
  std::puts("witryna-edge " WITRYNA_VERSION);
  return 0;
}
