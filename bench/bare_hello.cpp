// Baseline for bench/http.sh: the cheapest server RESTinio can be made into.
// The app's figures are judged as a ratio to this one, so it must use the
// same library, the same thread-pool model and the same default thread count
// as the app, and nothing else (no router, no logging, no database).
//
// Usage: bare_hello PORT [THREADS]   (listens on 127.0.0.1 only)

#include <restinio/all.hpp>

#include <cstdlib>
#include <iostream>
#include <string>

int main(int argc, char** argv) {
    if (argc < 2) {
        std::cerr << "usage: " << argv[0] << " PORT [THREADS]\n";
        return 2;
    }
    const auto port = static_cast<std::uint16_t>(std::stoi(argv[1]));
    // 2 is the app's default pool size; keep them equal so the ratio is fair.
    const std::size_t threads = argc > 2 ? static_cast<std::size_t>(std::stoul(argv[2])) : 2;

    // default_traits_t = asio timer manager + null logger + real strands,
    // which is what a thread pool needs and what the app pays for as well.
    using traits_t = restinio::default_traits_t;

    try {
        restinio::run(
            restinio::on_thread_pool<traits_t>(threads)
                .port(port)
                .address("127.0.0.1")
                .request_handler([](auto req) {
                    return req->create_response()
                        .append_header(restinio::http_field::content_type, "text/plain; charset=utf-8")
                        .set_body("Hello, World!")
                        .done();
                }));
    } catch (const std::exception& e) {
        std::cerr << "bare_hello: " << e.what() << '\n';
        return 1;
    }
    return 0;
}
