fn main() {
    web::mount();
}
