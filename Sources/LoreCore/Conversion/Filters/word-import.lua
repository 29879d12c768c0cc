-- Lore's reading of Word documents: what GitHub Markdown cannot hold is made simpler, not lost.
local function pixels(value)
  if not value then return nil end
  local number, unit = value:match("^([%d%.]+)(%a*)$")
  number = tonumber(number)
  if not number then return nil end
  local per = ({ [""] = 1, px = 1, ["in"] = 96, cm = 96 / 2.54, mm = 96 / 25.4, pt = 96 / 72 })[unit]
  if not per then return nil end
  local px = math.floor(number * per + 0.5)
  if px < 1 or px > 2000 then return nil end
  return px
end

function Image(image)
  local width = pixels(image.attributes.width)
  image.attributes = {}
  if width then return { image, pandoc.Str("{width=" .. width .. "}") } end
  return image
end

-- A list in a cell becomes its items, one after another.
local function flat(blocks)
  local out = {}
  for _, block in ipairs(blocks) do
    if block.t == "BulletList" or block.t == "OrderedList" then
      for _, item in ipairs(block.content) do
        for _, inner in ipairs(flat(item)) do table.insert(out, inner) end
      end
    else
      table.insert(out, block)
    end
  end
  return out
end

local function simple(cell)
  local blocks = flat(cell.contents)
  if #blocks > 1 or (#blocks == 1 and blocks[1].t ~= "Plain" and blocks[1].t ~= "Para") then
    cell.contents = { pandoc.Plain(pandoc.utils.blocks_to_inlines(blocks, { pandoc.Str(";"), pandoc.Space() })) }
  end
  cell.row_span = 1
  cell.col_span = 1
  return cell
end

local function rows(list)
  for _, row in ipairs(list) do
    for i, cell in ipairs(row.cells) do row.cells[i] = simple(cell) end
  end
end

function Table(tbl)
  rows(tbl.head.rows)
  for _, body in ipairs(tbl.bodies) do rows(body.head); rows(body.body) end
  rows(tbl.foot.rows)
  return tbl
end
