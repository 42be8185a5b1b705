-- Product categories (catalog module, issue #4): the platform's list of known category paths, which a product's
-- categoryPath must be one of (rule UNKNOWN_CATEGORY, for the API and the import alike). Platform-wide, no
-- tenant; the platform admin replaces the whole list from a file (PUT /api/v1/categories). A path's segments are
-- joined by '/', as products.category_path stores them (母婴/奶粉/婴儿奶粉); every parent of a listed path is
-- listed too. The seed is a default tree for cross-border retail.
CREATE TABLE categories (
    path          VARCHAR(300) NOT NULL,  -- e.g. 母婴/奶粉
    name_zh       VARCHAR(100) NOT NULL,  -- the last segment's name in Chinese (the segment itself by default)
    name_en       VARCHAR(100) NULL,
    display_order INT          NOT NULL,  -- the list's order (parents before their children)
    PRIMARY KEY (path)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

INSERT INTO categories (path, name_zh, name_en, display_order) VALUES
    ('母婴', '母婴', 'Mother & baby', 10),
    ('母婴/奶粉', '奶粉', 'Milk powder', 20),
    ('母婴/奶粉/婴儿奶粉', '婴儿奶粉', 'Infant formula', 30),
    ('母婴/奶粉/成人奶粉', '成人奶粉', 'Adult milk powder', 40),
    ('母婴/纸尿裤', '纸尿裤', 'Diapers', 50),
    ('母婴/辅食', '辅食', 'Baby food', 60),
    ('母婴/喂养', '喂养', 'Feeding', 70),
    ('母婴/洗护', '洗护', 'Baby care', 80),
    ('美妆', '美妆', 'Beauty', 90),
    ('美妆/护肤', '护肤', 'Skin care', 100),
    ('美妆/护肤/面霜', '面霜', 'Face cream', 110),
    ('美妆/护肤/精华', '精华', 'Serum', 120),
    ('美妆/护肤/面膜', '面膜', 'Face masks', 130),
    ('美妆/护肤/套装', '套装', 'Skin care sets', 140),
    ('美妆/彩妆', '彩妆', 'Make-up', 150),
    ('美妆/彩妆/口红', '口红', 'Lipstick', 160),
    ('美妆/面部护理', '面部护理', 'Facial care', 170),
    ('美妆/香水', '香水', 'Fragrance', 180),
    ('保健', '保健', 'Health', 190),
    ('保健/维生素', '维生素', 'Vitamins', 200),
    ('保健/抗氧化', '抗氧化', 'Antioxidants', 210),
    ('保健/益生菌', '益生菌', 'Probiotics', 220),
    ('保健/鱼油', '鱼油', 'Fish oil', 230),
    ('食品', '食品', 'Food', 240),
    ('食品/零食', '零食', 'Snacks', 250),
    ('食品/零食/巧克力', '巧克力', 'Chocolate', 260),
    ('食品/饮料', '饮料', 'Drinks', 270),
    ('食品/饮料/牛奶', '牛奶', 'Milk', 280),
    ('食品/饮料/奶茶', '奶茶', 'Milk tea', 290),
    ('食品/饮料/咖啡', '咖啡', 'Coffee', 300),
    ('食品/酒类', '酒类', 'Wine & spirits', 310),
    ('食品/酒类/葡萄酒', '葡萄酒', 'Wine', 320),
    ('食品/谷物', '谷物', 'Cereals', 330),
    ('食品/蜂蜜', '蜂蜜', 'Honey', 340),
    ('个护', '个护', 'Personal care', 350),
    ('个护/口腔护理', '口腔护理', 'Oral care', 360),
    ('个护/洗发护发', '洗发护发', 'Hair care', 370),
    ('个护/身体护理', '身体护理', 'Body care', 380),
    ('家居', '家居', 'Home', 390),
    ('家居/厨具', '厨具', 'Kitchenware', 400),
    ('家居/清洁', '清洁', 'Cleaning', 410),
    ('数码', '数码', 'Electronics', 420),
    ('数码/个护电器', '个护电器', 'Personal care appliances', 430),
    ('服饰', '服饰', 'Apparel', 440),
    ('服饰/箱包', '箱包', 'Bags & luggage', 450);
