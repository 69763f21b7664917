fn main() {
    let text = std::fs::read_to_string("benches/data/orangesum-1mb.txt").unwrap();
    let p = quidam::Pipeline::default();
    let mut n = 0;
    for _ in 0..20 {
        for a in text.lines() {
            n += p.annotate(a).entities().len();
        }
    }
    println!("{n}");
}
