// The definitions of Boost.Asio's (and its TLS layer's) non-template
// functions, for every target built with BOOST_ASIO_SEPARATE_COMPILATION.
#include <boost/asio/impl/src.hpp>
#include <boost/asio/ssl/impl/src.hpp>
