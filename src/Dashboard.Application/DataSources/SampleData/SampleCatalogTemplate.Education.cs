namespace Dashboard.Application.DataSources.SampleData;

public sealed partial record SampleCatalogTemplate
{
    /// <summary>
    /// An online learning platform: courses by subject (programming, data science, languages, business,
    /// design, music, personal development) and professional certificate programmes. An item's price is
    /// the course fee; certificate programmes are the most expensive category, so the planted bias falls
    /// on them.
    /// </summary>
    /// <remarks>
    /// view = course page seen, click = syllabus or preview lesson opened, add_to_cart = course added to
    /// the wish list or basket, purchase = enrolment, rating = course review stars. Learners browse on
    /// weekday evenings and Sundays; reviews are common.
    /// </remarks>
    public static SampleCatalogTemplate Education { get; } = new(
        Name: "Education",
        Categories:
        [
            new("Programming", Weight: 0.20, MedianPrice: 60, PriceSigma: 0.6, PeakAge: 26,
                Tags: ["python", "javascript", "csharp", "web-development", "beginner", "backend", "mobile", "cloud", "algorithms", "project-based"],
                Modifiers: ["Complete", "Beginner's", "Advanced", "Practical", "Modern", "Hands-On", "Professional", "Intensive", "Fundamentals of", "Mastering"],
                Nouns: ["Python", "JavaScript", "C# and .NET", "Web Development", "React", "SQL", "Go", "Android Development", "Cloud Engineering", "Algorithms"]),
            new("Data Science", Weight: 0.14, MedianPrice: 80, PriceSigma: 0.6, PeakAge: 29,
                Tags: ["machine-learning", "statistics", "python", "r", "deep-learning", "visualisation", "excel", "big-data", "ai", "analytics"],
                Modifiers: ["Applied", "Practical", "Complete", "Introduction to", "Advanced", "Hands-On", "Business", "Modern", "Essential", "Fundamentals of"],
                Nouns: ["Machine Learning", "Statistics", "Deep Learning", "Data Visualisation", "Data Analysis with Python", "Power BI", "Excel for Analysts", "Natural Language Processing", "Time Series Forecasting", "A/B Testing"]),
            new("Languages", Weight: 0.16, MedianPrice: 45, PriceSigma: 0.5, PeakAge: 35,
                Tags: ["spanish", "french", "german", "japanese", "mandarin", "english", "beginner", "conversation", "grammar", "exam-prep"],
                Modifiers: ["Beginner", "Intermediate", "Conversational", "Business", "Intensive", "Everyday", "Travel", "Complete", "Exam-Prep", "Fast-Track"],
                Nouns: ["Spanish", "French", "German", "Italian", "Japanese", "Mandarin", "Portuguese", "English", "Arabic", "Korean"]),
            new("Business", Weight: 0.14, MedianPrice: 70, PriceSigma: 0.6, PeakAge: 38,
                Tags: ["leadership", "marketing", "finance", "project-management", "entrepreneurship", "negotiation", "strategy", "accounting", "sales", "agile"],
                Modifiers: ["Essential", "Practical", "Strategic", "Modern", "Complete", "Introduction to", "Advanced", "Executive", "Agile", "Digital"],
                Nouns: ["Leadership", "Marketing", "Project Management", "Negotiation", "Accounting", "Entrepreneurship", "Sales", "Business Strategy", "Product Management", "Public Speaking"]),
            new("Design", Weight: 0.12, MedianPrice: 55, PriceSigma: 0.6, PeakAge: 28,
                Tags: ["ux", "ui", "graphic-design", "figma", "photoshop", "illustration", "typography", "3d", "branding", "animation"],
                Modifiers: ["Complete", "Practical", "Beginner's", "Professional", "Creative", "Modern", "Hands-On", "Advanced", "Essential", "Fundamentals of"],
                Nouns: ["UX Design", "UI Design", "Graphic Design", "Figma", "Photoshop", "Illustration", "Typography", "3D Modelling", "Brand Identity", "Motion Graphics"]),
            new("Music", Weight: 0.10, MedianPrice: 40, PriceSigma: 0.6, PeakAge: 40,
                Tags: ["guitar", "piano", "singing", "music-theory", "production", "drums", "beginner", "songwriting", "mixing", "ukulele"],
                Modifiers: ["Beginner", "Complete", "Intermediate", "Practical", "Fun", "Jazz", "Classical", "Rock", "Home-Studio", "Fundamentals of"],
                Nouns: ["Guitar", "Piano", "Singing", "Music Theory", "Music Production", "Drums", "Songwriting", "Mixing and Mastering", "Ukulele", "Violin"]),
            new("Personal Development", Weight: 0.09, MedianPrice: 35, PriceSigma: 0.5, PeakAge: 45,
                Tags: ["productivity", "mindfulness", "wellbeing", "communication", "career", "writing", "photography", "cooking", "fitness", "parenting"],
                Modifiers: ["Everyday", "Practical", "Complete", "Mindful", "Simple", "Essential", "Beginner's", "Creative", "Confident", "Introduction to"],
                Nouns: ["Productivity", "Mindfulness", "Creative Writing", "Photography", "Communication", "Career Change", "Home Cooking", "Time Management", "Wellbeing", "Parenting"]),
            new("Professional Certificates", Weight: 0.05, MedianPrice: 900, PriceSigma: 0.5, PeakAge: 32,
                Tags: ["certificate", "bootcamp", "accredited", "career-change", "mentored", "part-time", "capstone", "job-guarantee", "cloud-certification", "university-partner"],
                Modifiers: ["Accredited", "Part-Time", "Mentored", "Professional", "Intensive", "University", "Career-Track", "Online", "12-Week", "Executive"],
                Nouns: ["Data Analytics Certificate", "Software Engineering Bootcamp", "UX Design Certificate", "Cloud Architect Certification", "Project Management Certificate", "Cybersecurity Bootcamp", "Digital Marketing Certificate", "MBA Essentials", "Machine Learning Certificate", "Teaching English Certificate"]),
        ],
        PopularityExponent: 1.2,
        ClickRate: 0.20,
        AddToCartRate: 0.14,
        PurchaseRate: 0.30,
        AffinityLift: 0.8,
        RatingShare: 0.15,
        WeekdayWeights: [1.25, 1.10, 1.10, 1.05, 1.00, 0.75, 0.80],
        HourWeights:
        [
            0.30, 0.18, 0.10, 0.06, 0.06, 0.10, 0.25, 0.45, 0.60, 0.70, 0.75, 0.80,
            0.95, 0.90, 0.80, 0.80, 0.90, 1.10, 1.40, 1.65, 1.70, 1.55, 1.10, 0.60,
        ],
        AnnualGrowth: 0.5);
}
