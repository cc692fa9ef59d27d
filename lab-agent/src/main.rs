fn main() {
    println!("lab-agent: not yet");
}
